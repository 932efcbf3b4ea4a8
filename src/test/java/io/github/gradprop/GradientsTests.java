package io.github.gradprop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import io.github.gradprop.model.Case;
import io.github.gradprop.model.GradientModel;
import io.github.gradprop.model.ModelSpec;
import io.github.gradprop.model.Models;
import io.github.gradprop.model.Parameters;
import io.github.gradprop.model.Tensor;
import io.github.gradprop.testmodels.Kinks;
import io.github.gradprop.testmodels.LinearRegression;
import io.github.gradprop.testmodels.LogisticRegression;
import io.github.gradprop.testmodels.PlantedError;
import io.github.gradprop.testmodels.ReferenceMlp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The engine through its public entry point: the reference MLP (correct and with planted errors),
 * closed-form models, non-finite values.
 */
class GradientsTests {

  static final List<String> MLP_TENSORS = List.of("w1", "b1", "w2", "b2");

  /**
   * The flat index of the largest |gradient| entry of {@code tensor}. Planted errors go there: a
   * relative error of 1e-5 is then far above {@code atol} (1e-8), whereas in an entry of, say, |g|
   * ~ 1e-4 it would be 1e-9, below any float64 finite-difference resolution.
   */
  static int largestEntry(GradientModel model, Case c, String tensor) {
    Parameters g = c.parameters().zerosLike();
    model.gradient(c.parameters(), c.batch(), g);
    Tensor t = g.tensor(tensor);
    int best = 0;
    for (int i = 1; i < t.size(); i++) {
      if (Math.abs(t.get(i)) > Math.abs(t.get(best))) {
        best = i;
      }
    }
    return best;
  }

  static Stream<Arguments> seedsAndTensors(long[] seeds) {
    List<Arguments> cases = new ArrayList<>();
    for (long seed : seeds) {
      for (String tensor : MLP_TENSORS) {
        cases.add(Arguments.of(seed, tensor));
      }
    }
    return cases.stream();
  }

  @Nested
  class ReferenceMlpWithCentralDifferences {

    static long[] twentySeeds() {
      return Kinks.firstSeeds(20);
    }

    static Stream<Arguments> plantedErrors() {
      return seedsAndTensors(Kinks.firstSeeds(5));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("twentySeeds")
    void correctBackward_passes(long seed) {
      Case c = ReferenceMlp.referenceCase(seed);

      GradientCheckResult result = Gradients.check(new ReferenceMlp(), c);

      assertThat(result.failures()).isEmpty();
      assertThat(result.passed()).isTrue();
      assertThat(result.checkedEntries()).isEqualTo(1560);
      assertThat(result.tensors()).containsExactlyElementsOf(MLP_TENSORS);
      assertThatCode(() -> Gradients.assertCorrect(new ReferenceMlp(), c))
          .doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "seed {0}, largest entry of {1}")
    @MethodSource("plantedErrors")
    void plantedRelativeError1eMinus5_fails_andTheResultNamesThatEntry(long seed, String tensor) {
      Case c = ReferenceMlp.referenceCase(seed);
      int index = largestEntry(new ReferenceMlp(), c, tensor);

      GradientCheckResult result =
          Gradients.check(new PlantedError(new ReferenceMlp(), tensor, index, 1e-5), c);

      assertThat(result.passed()).isFalse();
      assertThat(result.failures())
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.tensor()).isEqualTo(tensor);
                assertThat(e.flatIndex()).isEqualTo(index);
                assertThat(e.index()).containsExactly(c.parameters().tensor(tensor).index(index));
                assertThat(e.verdict()).isEqualTo(Verdict.MISMATCH);
                assertThat(e.relativeError()).isCloseTo(1e-5, within(2e-6));
              });
    }

    @ParameterizedTest(name = "seed {0}, largest entry of {1}")
    @MethodSource("plantedErrors")
    void plantedRelativeErrorOfZero_passes(long seed, String tensor) {
      // Twin of the test above: the same wrapper with nothing planted passes.
      Case c = ReferenceMlp.referenceCase(seed);
      int index = largestEntry(new ReferenceMlp(), c, tensor);

      GradientCheckResult result =
          Gradients.check(new PlantedError(new ReferenceMlp(), tensor, index, 0.0), c);

      assertThat(result.passed()).isTrue();
    }

    @ParameterizedTest(name = "seed {0}, largest entry of {1}")
    @MethodSource("plantedErrors")
    void plantedRelativeError1eMinus5_throws_withAMessageThatNamesThatEntry(
        long seed, String tensor) {
      Case c = ReferenceMlp.referenceCase(seed);
      int index = largestEntry(new ReferenceMlp(), c, tensor);
      String indexText = c.parameters().tensor(tensor).indexText(index);

      GradientMismatchError error =
          catchThrowableOfType(
              GradientMismatchError.class,
              () ->
                  Gradients.assertCorrect(
                      new PlantedError(new ReferenceMlp(), tensor, index, 1e-5), c));

      List<String> lines = error.getMessage().lines().toList();
      int entries = c.parameters().tensor(tensor).size();
      assertThat(lines.get(0))
          .isEqualTo(
              "Analytic gradient disagrees with finite differences for 1 of "
                  + entries
                  + " entries of "
                  + tensor);
      assertThat(lines)
          .anySatisfy(
              line ->
                  assertThat(line)
                      .startsWith(tensor + " ")
                      .contains(" " + indexText + " ")
                      .endsWith("MISMATCH"));
      assertThat(error.result().failures())
          .singleElement()
          .extracting(EntryCheck::flatIndex)
          .isEqualTo(index);
    }

    @Test
    void plantedErrorsInTwoTensors_areBothReported_worstFirst() {
      Case c = ReferenceMlp.referenceCase(3);
      int inW1 = largestEntry(new ReferenceMlp(), c, "w1");
      int inB2 = largestEntry(new ReferenceMlp(), c, "b2");
      GradientModel model =
          new PlantedError(
              new PlantedError(new ReferenceMlp(), "w1", inW1, 1e-5), "b2", inB2, 1e-3);

      GradientCheckResult result = Gradients.check(model, c);

      assertThat(result.failures())
          .extracting(EntryCheck::tensor, EntryCheck::flatIndex)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("b2", inB2),
              org.assertj.core.groups.Tuple.tuple("w1", inW1));
    }

    @Test
    void plantedErrorsInTwoTensors_withoutThePlanting_pass() {
      Case c = ReferenceMlp.referenceCase(3);
      GradientModel model =
          new PlantedError(
              new PlantedError(
                  new ReferenceMlp(), "w1", largestEntry(new ReferenceMlp(), c, "w1"), 0.0),
              "b2",
              largestEntry(new ReferenceMlp(), c, "b2"),
              0.0);

      assertThat(Gradients.check(model, c).passed()).isTrue();
    }

    @Test
    void plantedRelativeError1eMinus7_isBelowTheDefaultRtol_andPasses() {
      // Documents the resolution of the defaults: rtol 1e-6 accepts a 1e-7 relative deviation.
      Case c = ReferenceMlp.referenceCase(1);
      int index = largestEntry(new ReferenceMlp(), c, "w2");

      assertThat(
              Gradients.check(new PlantedError(new ReferenceMlp(), "w2", index, 1e-7), c).passed())
          .isTrue();
    }

    @Test
    void plantedRelativeError1eMinus7_isCaught_withATighterRtol() {
      Case c = ReferenceMlp.referenceCase(1);
      int index = largestEntry(new ReferenceMlp(), c, "w2");
      CheckOptions tight = CheckOptions.defaults().withRtol(1e-8).withAtol(1e-10);

      GradientCheckResult result =
          Gradients.check(new PlantedError(new ReferenceMlp(), "w2", index, 1e-7), c, tight);

      assertThat(result.failures()).extracting(EntryCheck::flatIndex).containsExactly(index);
    }
  }

  /**
   * The 5-point and Richardson schemes reach 2h and h with h ~ 7.4e-4, so on most random cases a
   * ReLU flips inside the stencil (kink handling is a separate issue); these tests use the first
   * seeds whose kinks are at least twice the stencil's reach away (see {@link Kinks}).
   */
  @Nested
  class ReferenceMlpWithFourthOrderSchemes {

    static Stream<Arguments> seedsSchemesAndTensors() {
      List<Arguments> cases = new ArrayList<>();
      for (long seed : Kinks.seedsClearOfKinks(3, DifferenceScheme.FIVE_POINT.defaultStep(), 2)) {
        for (DifferenceScheme scheme :
            List.of(DifferenceScheme.FIVE_POINT, DifferenceScheme.RICHARDSON)) {
          for (String tensor : MLP_TENSORS) {
            cases.add(Arguments.of(seed, scheme, tensor));
          }
        }
      }
      return cases.stream();
    }

    @ParameterizedTest(name = "seed {0}, {1}, largest entry of {2}")
    @MethodSource("seedsSchemesAndTensors")
    void plantedRelativeError1eMinus5_fails_andTheResultNamesThatEntry(
        long seed, DifferenceScheme scheme, String tensor) {
      Case c = ReferenceMlp.referenceCase(seed);
      int index = largestEntry(new ReferenceMlp(), c, tensor);
      CheckOptions options = CheckOptions.defaults().withScheme(scheme);

      GradientCheckResult result =
          Gradients.check(new PlantedError(new ReferenceMlp(), tensor, index, 1e-5), c, options);

      assertThat(result.failures())
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.tensor()).isEqualTo(tensor);
                assertThat(e.flatIndex()).isEqualTo(index);
                assertThat(e.relativeError()).isCloseTo(1e-5, within(2e-6));
              });
    }

    @ParameterizedTest(name = "seed {0}, {1}, largest entry of {2}")
    @MethodSource("seedsSchemesAndTensors")
    void correctBackward_passes(long seed, DifferenceScheme scheme, String tensor) {
      Case c = ReferenceMlp.referenceCase(seed);
      int index = largestEntry(new ReferenceMlp(), c, tensor);
      CheckOptions options = CheckOptions.defaults().withScheme(scheme);

      GradientCheckResult result =
          Gradients.check(new PlantedError(new ReferenceMlp(), tensor, index, 0.0), c, options);

      assertThat(result.failures()).isEmpty();
    }

    @Test
    void theSeedsUsed_areTheFirstOnesClearOfKinks() {
      // Guards the filter: the selection is deterministic and not empty.
      assertThat(Kinks.seedsClearOfKinks(3, DifferenceScheme.FIVE_POINT.defaultStep(), 2))
          .hasSize(3)
          .doesNotContain(1L, 19L);
    }
  }

  @Nested
  class NonFinite {

    private GradientModel mlpWithGradientEntry(String tensor, int index, double value) {
      ReferenceMlp mlp = new ReferenceMlp();
      return Models.of(
          ReferenceMlp.SPEC,
          mlp::loss,
          (p, b, g) -> {
            mlp.gradient(p, b, g);
            g.tensor(tensor).set(index, value);
          });
    }

    @Test
    void aNaNGradientEntry_isNonFinite_andNamed() {
      Case c = ReferenceMlp.randomCase(1, 2, 3, 4, 2);

      GradientCheckResult result = Gradients.check(mlpWithGradientEntry("w2", 5, Double.NaN), c);

      assertThat(result.failures())
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.tensor()).isEqualTo("w2");
                assertThat(e.index()).containsExactly(1, 1);
                assertThat(e.verdict()).isEqualTo(Verdict.NON_FINITE);
                assertThat(e.relativeError()).isNaN();
              });
    }

    @Test
    void anInfiniteGradientEntry_isNonFinite() {
      Case c = ReferenceMlp.randomCase(1, 2, 3, 4, 2);

      GradientCheckResult result =
          Gradients.check(mlpWithGradientEntry("b1", 0, Double.NEGATIVE_INFINITY), c);

      assertThat(result.failures())
          .singleElement()
          .extracting(EntryCheck::verdict)
          .isEqualTo(Verdict.NON_FINITE);
    }

    @Test
    void theSameModel_withAFiniteEntry_passes() {
      Case c = ReferenceMlp.randomCase(1, 2, 3, 4, 2);
      Parameters g = c.parameters().zerosLike();
      new ReferenceMlp().gradient(c.parameters(), c.batch(), g);

      assertThat(Gradients.check(mlpWithGradientEntry("w2", 5, g.tensor("w2").get(5)), c).passed())
          .isTrue();
    }

    private final ModelSpec logSpec =
        ModelSpec.named("log").inputs("batch", "in").parameter("w", "in");

    private GradientModel logOfW() {
      return Models.of(
          logSpec,
          (p, b) -> Math.log(p.vector("w")[0]),
          (p, b, g) -> g.vector("w")[0] = 1 / p.vector("w")[0]);
    }

    private GradientModel logOfWOffBy(double factor) {
      return Models.of(
          logSpec,
          (p, b) -> Math.log(p.vector("w")[0]),
          (p, b, g) -> g.vector("w")[0] = factor / p.vector("w")[0]);
    }

    @Test
    void aLossThatIsNaN_insideTheStencil_isCheckedWithSmallerSteps_andTheReportSaysSo() {
      // w - h < 0 for w = 1e-7 and h ~ 6e-6: log is NaN there, finite closer in.
      Case c =
          Case.builder(logSpec)
              .parameter("w", new double[] {1e-7})
              .inputs(new double[][] {{0}})
              .build();

      GradientCheckResult result = Gradients.check(logOfW(), c);

      assertThat(result.passed()).isTrue();
      assertThat(result.numeric("w")[0])
          .isCloseTo(1e7, org.assertj.core.data.Offset.offset(1e7 * 1e-6));
      assertThat(result.report()).contains("non-finite : the loss is NaN at w[0] - 6.1e-06");
    }

    @Test
    void aWrongGradient_nextToWhereTheLossIsNaN_isStillAMismatch() {
      Case c =
          Case.builder(logSpec)
              .parameter("w", new double[] {1e-7})
              .inputs(new double[][] {{0}})
              .build();

      for (double factor : new double[] {1.1, 1.001, 0.99}) {
        GradientCheckResult result = Gradients.check(logOfWOffBy(factor), c);
        assertThat(result.failures())
            .as("factor %s", factor)
            .singleElement()
            .satisfies(e -> assertThat(e.verdict()).isEqualTo(Verdict.MISMATCH));
      }
    }

    @Test
    void aLossThatIsNaN_atThePointItself_isNonFinite() {
      Case c =
          Case.builder(logSpec)
              .parameter("w", new double[] {-1.0})
              .inputs(new double[][] {{0}})
              .build();

      GradientCheckResult result = Gradients.check(logOfW(), c);

      assertThat(result.failures())
          .singleElement()
          .satisfies(e -> assertThat(e.verdict()).isEqualTo(Verdict.NON_FINITE));
    }

    @Test
    void aLossThatIsFinite_insideTheStencil_passes() {
      Case c =
          Case.builder(logSpec)
              .parameter("w", new double[] {1.0})
              .inputs(new double[][] {{0}})
              .build();

      assertThat(Gradients.check(logOfW(), c).passed()).isTrue();
    }
  }

  @Nested
  class ClosedForms {

    @Test
    void linearRegression_correctBackward_passes_andTheNumericGradientIsTheClosedForm() {
      Case c = LinearRegression.randomCase(11, 5, 4, 3);

      GradientCheckResult result = Gradients.check(LinearRegression.correct(), c);

      assertThat(result.passed()).isTrue();
      for (String tensor : List.of("w", "b")) {
        double[] exact = LinearRegression.closedForm(c, tensor);
        assertThat(result.analytic(tensor)).containsExactly(exact, within(1e-13));
        // Central differences are exact on a quadratic, up to rounding: |L| eps / h ~ 1e-10.
        assertThat(result.numeric(tensor)).containsExactly(exact, within(1e-9));
      }
    }

    @Test
    void linearRegression_forgettingTheBatchMean_failsOnEveryEntry() {
      Case c = LinearRegression.randomCase(11, 5, 4, 3);

      GradientCheckResult result = Gradients.check(LinearRegression.forgettingTheBatchMean(), c);

      assertThat(result.failures()).hasSize(15);
      assertThat(result.failures())
          .allSatisfy(
              e -> {
                assertThat(e.verdict()).isEqualTo(Verdict.MISMATCH);
                assertThat(e.relativeError()).isCloseTo(0.8, within(1e-6)); // |5g - g| / 5g
              });
    }

    @Test
    void linearRegression_withInputGradient_checksTheInputsToo_andPasses() {
      Case c = LinearRegression.randomCase(12, 3, 4, 2);

      GradientCheckResult result = Gradients.check(LinearRegression.withInputGradient(), c);

      assertThat(result.passed()).isTrue();
      assertThat(result.tensors()).containsExactly("w", "b", "inputs");
      assertThat(result.numeric("inputs"))
          .containsExactly(LinearRegression.closedForm(c, "inputs"), within(1e-9));
      assertThat(result.checkedEntries()).isEqualTo(8 + 2 + 12);
    }

    @Test
    void linearRegression_withAWrongInputGradient_failsOnTheInputs() {
      Case c = LinearRegression.randomCase(12, 3, 4, 2);

      GradientCheckResult result =
          Gradients.check(LinearRegression.withInputGradientSignFlipped(), c);

      assertThat(result.failures())
          .hasSize(12)
          .extracting(EntryCheck::tensor)
          .containsOnly("inputs");
    }

    @Test
    void logisticRegression_overAFlatVector_passes_andTheNumericGradientIsTheClosedForm() {
      Case c = LogisticRegression.randomCase(5, 6, 3);

      GradientCheckResult result = Gradients.check(LogisticRegression.correct(), c);

      assertThat(result.passed()).isTrue();
      double[] w = c.parameters().tensor("w").toArray();
      double[] exact =
          LogisticRegression.gradient(w, c.batch().inputs(), c.batch().targets(), false);
      assertThat(result.numeric("w")).containsExactly(exact, within(1e-9));
    }

    @Test
    void logisticRegression_forgettingTheBias_failsOnTheBiasEntryOnly() {
      Case c = LogisticRegression.randomCase(5, 6, 3);

      GradientCheckResult result = Gradients.check(LogisticRegression.forgettingTheBias(), c);

      assertThat(result.failures())
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.tensor()).isEqualTo("w");
                assertThat(e.index()).containsExactly(3);
                assertThat(e.analytic()).isZero();
                assertThat(e.relativeError()).isEqualTo(1.0);
              });
    }
  }

  @Nested
  class Bookkeeping {

    @ParameterizedTest
    @EnumSource(DifferenceScheme.class)
    void lossCalls_areTwoAtTheGivenPoint_plusTheStencilPerEntry(DifferenceScheme scheme) {
      Case c = LinearRegression.randomCase(1, 2, 3, 2);
      int perEntry = scheme == DifferenceScheme.CENTRAL ? 2 : 4;

      GradientCheckResult result =
          Gradients.check(
              LinearRegression.correct(), c, CheckOptions.defaults().withScheme(scheme));

      assertThat(result.lossCalls()).isEqualTo(2 + perEntry * (6 + 2));
      assertThat(result.options().scheme()).isEqualTo(scheme);
    }

    @Test
    void theResult_carriesLossDimsAndModelName() {
      Case c = LinearRegression.randomCase(1, 2, 3, 2);

      GradientCheckResult result = Gradients.check(LinearRegression.correct(), c);

      assertThat(result.modelName()).isEqualTo("linear regression, squared error");
      assertThat(result.dims())
          .containsExactly(
              org.assertj.core.api.Assertions.entry("batch", 2),
              org.assertj.core.api.Assertions.entry("in", 3),
              org.assertj.core.api.Assertions.entry("out", 2));
      assertThat(result.loss())
          .isEqualTo(LinearRegression.correct().loss(c.parameters(), c.batch()));
      assertThat(result.entries("w")).isEqualTo(6);
    }

    @Test
    void theResultsArrays_areCopies() {
      Case c = LinearRegression.randomCase(1, 2, 3, 2);
      GradientCheckResult result = Gradients.check(LinearRegression.correct(), c);

      result.analytic("w")[0] = 1e9;
      result.numeric("w")[0] = 1e9;

      assertThat(result.analytic("w")[0]).isNotEqualTo(1e9);
      assertThat(result.numeric("w")[0]).isNotEqualTo(1e9);
    }

    @Test
    void nullArguments_areRejected() {
      Case c = LinearRegression.randomCase(1, 2, 3, 2);
      assertThat(
              catchThrowableOfType(IllegalArgumentException.class, () -> Gradients.check(null, c)))
          .isNotNull();
      assertThat(
              catchThrowableOfType(
                  IllegalArgumentException.class,
                  () -> Gradients.check(LinearRegression.correct(), null)))
          .isNotNull();
      assertThat(
              catchThrowableOfType(
                  IllegalArgumentException.class,
                  () -> Gradients.check(LinearRegression.correct(), c, null)))
          .isNotNull();
    }

    @Test
    void multiIndices_areRowMajor() {
      Case c = ReferenceMlp.randomCase(1, 2, 3, 4, 2);
      Tensor w1 = c.parameters().tensor("w1");
      assertThat(Arrays.stream(new int[] {0, 2, 3, 11}).mapToObj(w1::indexText))
          .containsExactly("[0, 0]", "[0, 2]", "[1, 0]", "[3, 2]");
    }
  }
}
