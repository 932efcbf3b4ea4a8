package io.github.gradprop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.gradprop.model.Batch;
import io.github.gradprop.model.Case;
import io.github.gradprop.model.GradientModel;
import io.github.gradprop.model.ModelSpec;
import io.github.gradprop.model.Models;
import io.github.gradprop.model.ParameterLayout;
import io.github.gradprop.model.Parameters;
import io.github.gradprop.model.Tensor;
import io.github.gradprop.testmodels.LinearRegression;
import io.github.gradprop.testmodels.LogisticRegression;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A model that breaks its contract is a configuration error, never a pass and never a gradient
 * mismatch: {@link ModelConfigurationException} with a message that names the model, the call and
 * the entry.
 */
class ModelContractTests {

  static final String NAME = "linear regression, squared error";

  /** batch=2 in=3 out=2; w[0, 1] = 0.5 exactly. */
  static Case aCase() {
    Case c = LinearRegression.randomCase(3, 2, 3, 2);
    c.parameters().matrix("w")[0][1] = 0.5;
    return c;
  }

  static final LinearRegression CORRECT = LinearRegression.correct();

  /**
   * Runs the check through {@link Gradients#check} and then {@link Gradients#assertCorrect}; both
   * must fail with a configuration error (never a pass, never a mismatch). Returns the first.
   */
  static ModelConfigurationException configurationError(GradientModel model, Case c) {
    Throwable viaCheck = catchThrowable(() -> Gradients.check(model, c));
    assertThat(viaCheck).isInstanceOf(ModelConfigurationException.class);
    Throwable viaAssert = catchThrowable(() -> Gradients.assertCorrect(model, c));
    assertThat(viaAssert).isInstanceOf(ModelConfigurationException.class);
    return (ModelConfigurationException) viaCheck;
  }

  @Nested
  class UserCodeThatThrows {

    @Test
    void aLossThatThrowsAtTheGivenPoint_isAConfigurationError_namingModelAndCall() {
      IllegalStateException boom = new IllegalStateException("boom");
      GradientModel model =
          Models.of(
              LinearRegression.SPEC,
              (p, b) -> {
                throw boom;
              },
              CORRECT::gradient);

      ModelConfigurationException e = configurationError(model, aCase());

      assertThat(e.getMessage())
          .startsWith(
              "Model `"
                  + NAME
                  + "` threw from loss(...) at the given point:"
                  + " java.lang.IllegalStateException: boom")
          .endsWith("shape : batch=2 in=3 out=2");
      assertThat(e).hasCause(boom);
    }

    @Test
    void aLossThatThrowsWhileAnEntryIsPerturbed_namesThatTensorIndexAndBothValues() {
      GradientModel model =
          Models.of(
              LinearRegression.SPEC,
              (p, b) -> {
                if (p.matrix("w")[0][1] != 0.5) {
                  throw new ArithmeticException("w[0][1] moved");
                }
                return CORRECT.loss(p, b);
              },
              CORRECT::gradient);

      ModelConfigurationException e = configurationError(model, aCase());

      double h =
          io.github.gradprop.internal.numerics.FiniteDifferences.step(
              0.5, DifferenceScheme.CENTRAL.defaultStep());
      assertThat(e.getMessage())
          .startsWith(
              "Model `"
                  + NAME
                  + "` threw from loss(...) with w[0, 1] moved from 0.5 to "
                  + (0.5 + h)
                  + ": java.lang.ArithmeticException: w[0][1] moved");
      assertThat(e.getCause()).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void aGradientThatThrows_isAConfigurationError_namingTheCall() {
      GradientModel model =
          Models.of(
              LinearRegression.SPEC,
              CORRECT::loss,
              (p, b, g) -> {
                throw new IndexOutOfBoundsException("Index 3 out of bounds for length 3");
              });

      ModelConfigurationException e = configurationError(model, aCase());

      assertThat(e.getMessage())
          .startsWith(
              "Model `"
                  + NAME
                  + "` threw from gradient(...) at the given point:"
                  + " java.lang.IndexOutOfBoundsException: Index 3 out of bounds");
    }

    @Test
    void anInputGradientThatThrows_isAConfigurationError_namingTheCall() {
      GradientModel model =
          new Delegating(LinearRegression.withInputGradient()) {
            @Override
            public void inputGradient(Parameters p, Batch b, Tensor g) {
              throw new UnsupportedOperationException("not yet");
            }
          };

      assertThat(configurationError(model, aCase()).getMessage())
          .startsWith("Model `" + NAME + "` threw from inputGradient(...) at the given point");
    }

    @Test
    void anAssertionErrorFromUserCode_isAConfigurationError_notAGradientMismatch() {
      GradientModel model =
          Models.of(
              LinearRegression.SPEC,
              (p, b) -> {
                throw new AssertionError("user's own assert");
              },
              CORRECT::gradient);

      assertThat(configurationError(model, aCase()).getMessage()).contains("user's own assert");
    }

    @Test
    void theSameModels_withoutTheThrow_pass() {
      assertThat(Gradients.check(CORRECT, aCase()).passed()).isTrue();
      assertThat(Gradients.check(LinearRegression.withInputGradient(), aCase()).passed()).isTrue();
    }
  }

  @Nested
  class UserCodeThatModifiesItsArguments {

    @Test
    void aLossThatWritesAParameter_isNamedWithTensorIndexAndBothValues() {
      GradientModel model =
          Models.of(
              LinearRegression.SPEC,
              (p, b) -> {
                double loss = CORRECT.loss(p, b);
                p.matrix("w")[1][2] = 42.0;
                return loss;
              },
              CORRECT::gradient);
      Case c = aCase();
      double before = c.parameters().matrix("w")[1][2];

      ModelConfigurationException e = configurationError(model, c);

      assertThat(e.getMessage())
          .startsWith(
              "Model `"
                  + NAME
                  + "` modified its arguments: after loss(...), w[1, 2] was 42.0"
                  + " instead of "
                  + before
                  + ".");
    }

    @Test
    void aLossThatWritesTheInputs_namesTheInputs() {
      GradientModel model =
          Models.of(
              LinearRegression.SPEC,
              (p, b) -> {
                double loss = CORRECT.loss(p, b);
                b.inputs()[1][0] = 0;
                return loss;
              },
              CORRECT::gradient);

      assertThat(configurationError(model, aCase()).getMessage())
          .contains("after loss(...), inputs[1, 0] was 0.0 instead of");
    }

    @Test
    void aGradientThatWritesTheTargets_namesTheTargets() {
      GradientModel model =
          Models.of(
              LinearRegression.SPEC,
              CORRECT::loss,
              (p, b, g) -> {
                CORRECT.gradient(p, b, g);
                b.targets()[0][1] += 1;
              });

      assertThat(configurationError(model, aCase()).getMessage())
          .startsWith(
              "Model `"
                  + NAME
                  + "` modified its arguments: after gradient(...), targets[0, 1] was");
    }

    @Test
    void aLossThatWritesAnotherEntry_onlyWhileOneIsPerturbed_isCaughtAfterTheLoop() {
      GradientModel model =
          Models.of(
              LinearRegression.SPEC,
              (p, b) -> {
                if (p.matrix("w")[0][1] != 0.5) {
                  p.vector("b")[1] = 7.0;
                }
                return CORRECT.loss(p, b);
              },
              CORRECT::gradient);

      assertThat(configurationError(model, aCase()).getMessage())
          .contains("after loss(...) during the finite-difference loop, b[1] was 7.0 instead of");
    }

    @Test
    void aLossThatClampsTheEntryBeingPerturbed_isAConfigurationError_namingThatEntry() {
      // The clamp only bites at the perturbed point w[0, 1] = 0.5 + h, and restoring the entry
      // afterwards would hide it: without a check at each call the result is a bogus MISMATCH.
      GradientModel model =
          Models.of(
              LinearRegression.SPEC,
              (p, b) -> {
                double[][] w = p.matrix("w");
                w[0][1] = Math.min(w[0][1], 0.5);
                return CORRECT.loss(p, b);
              },
              CORRECT::gradient);

      double h =
          io.github.gradprop.internal.numerics.FiniteDifferences.step(
              0.5, DifferenceScheme.CENTRAL.defaultStep());
      assertThat(configurationError(model, aCase()).getMessage())
          .startsWith(
              "Model `"
                  + NAME
                  + "` modified its arguments: loss(...) with w[0, 1] moved from 0.5"
                  + " to "
                  + (0.5 + h)
                  + " set it to 0.5.");
    }

    @Test
    void theSameModel_readingOnly_passes() {
      GradientModel model =
          Models.of(
              LinearRegression.SPEC,
              (p, b) -> {
                double[][] w = p.matrix("w");
                double unused = Math.min(w[0][1], 0.5) + b.targets()[0][1] + p.vector("b")[1];
                return CORRECT.loss(p, b) + 0 * unused;
              },
              CORRECT::gradient);

      assertThat(Gradients.check(model, aCase()).passed()).isTrue();
    }
  }

  @Nested
  class NondeterministicUserCode {

    @Test
    void aLossThatDrifts_isNotDeterministic() {
      int[] calls = {0};
      GradientModel model =
          Models.of(
              LinearRegression.SPEC,
              (p, b) -> CORRECT.loss(p, b) + 1e-12 * calls[0]++,
              CORRECT::gradient);

      assertThat(configurationError(model, aCase()).getMessage())
          .startsWith(
              "Model `"
                  + NAME
                  + "` is not deterministic: two calls of loss(...) on the same case returned")
          .contains("State shared between calls or threads is the common cause")
          .contains("@Execution(ExecutionMode.SAME_THREAD)")
          .contains("junit.jupiter.execution.parallel.enabled=false");
    }

    @Test
    void aGradientAccumulatedAcrossCalls_isNotDeterministic_andNamesTheEntry() {
      // The classic bug: a gradient buffer kept in a field and added to, never cleared.
      double[][] kept = new double[2][3];
      GradientModel model =
          Models.of(
              LinearRegression.SPEC,
              CORRECT::loss,
              (p, b, g) -> {
                Parameters fresh = p.zerosLike();
                CORRECT.gradient(p, b, fresh);
                double[][] gw = fresh.matrix("w");
                for (int o = 0; o < 2; o++) {
                  for (int i = 0; i < 3; i++) {
                    kept[o][i] += gw[o][i];
                  }
                }
                g.set("w", kept);
                g.set("b", fresh.vector("b"));
              });

      assertThat(configurationError(model, aCase()).getMessage())
          .startsWith(
              "Model `"
                  + NAME
                  + "` is not deterministic: two calls of gradient(...) on the same"
                  + " case gave w[0, 0] = ")
          .contains("State shared between calls or threads is the common cause")
          .contains("@Execution(ExecutionMode.SAME_THREAD)");
    }

    @Test
    void aGradientWithRandomNoise_isNotDeterministic() {
      Random random = new Random(1);
      GradientModel model =
          Models.of(
              LinearRegression.SPEC,
              CORRECT::loss,
              (p, b, g) -> {
                CORRECT.gradient(p, b, g);
                g.vector("b")[1] += 1e-15 * random.nextGaussian();
              });

      assertThat(configurationError(model, aCase()).getMessage())
          .contains("is not deterministic")
          .contains("b[1] = ");
    }

    @Test
    void theSameModel_withoutState_passes() {
      assertThat(Gradients.check(CORRECT, aCase()).passed()).isTrue();
    }
  }

  @Nested
  class SpecWithoutParameters {

    @Test
    void aSpecWithoutParameters_isAConfigurationError_namingTheSpec_notAnIndexError() {
      ModelSpec spec = ModelSpec.named("no weights").inputs("batch", "in");
      GradientModel model = Models.of(spec, (p, b) -> 0, (p, b, g) -> {});
      Case c = Case.builder(spec).inputs(new double[][] {{1, 2}}).build();

      assertThat(configurationError(model, c).getMessage())
          .startsWith("Model `no weights` declares no parameter(...), so there is no gradient");
    }

    @Test
    void theSameSpecWithAParameter_isChecked() {
      ModelSpec spec = ModelSpec.named("one weight").inputs("batch", "in").parameter("w", "in");
      GradientModel model =
          Models.flat(
              spec,
              (w, x, y) -> w[0] * x[0][0] + w[1] * x[0][1],
              (w, x, y) -> new double[] {x[0][0], x[0][1]});
      Case c =
          Case.builder(spec)
              .parameter("w", new double[] {0.5, -1})
              .inputs(new double[][] {{1, 2}})
              .build();

      assertThat(Gradients.check(model, c).passed()).isTrue();
    }
  }

  @Nested
  class WrongSizeFlatGradient {

    @Test
    void aFlatGradientThatIsTooShort_saysExpectedAndActualLength() {
      GradientModel model =
          Models.flat(
              LogisticRegression.SPEC,
              LogisticRegression::loss,
              (w, x, y) -> new double[w.length - 1]);

      ModelConfigurationException e =
          configurationError(model, LogisticRegression.randomCase(1, 4, 3));

      assertThat(e.getMessage())
          .isEqualTo(
              String.format(
                  "Model `logistic regression` returned a gradient of the wrong length from"
                      + " gradient(...)%n"
                      + "tensor   : the flat weight vector (w [4] is entries 0..3)%n"
                      + "expected : 4 entries%n"
                      + "actual   : 3 entries%n"
                      + "shape    : batch=4 in=3"))
          .doesNotContain("threw");
    }

    @Test
    void aFlatGradientThatIsTooLong_saysExpectedAndActualLength() {
      GradientModel model =
          Models.flat(
              ModelSpec.named("two tensors")
                  .inputs("batch", "in")
                  .parameter("w", "hidden", "in")
                  .parameter("v", "hidden"),
              (w, x, y) -> 0,
              (w, x, y) -> new double[w.length + 2]);
      Case c =
          Case.builder(model.spec())
              .parameter("w", new double[][] {{1, 2}, {3, 4}})
              .parameter("v", new double[] {5, 6})
              .inputs(new double[][] {{0, 0}})
              .build();

      assertThat(configurationError(model, c).getMessage())
          .startsWith("Model `two tensors` returned a gradient of the wrong length")
          .contains(
              String.format(
                  "tensor   : the flat weight vector (w [2, 2] is entries 0..3, v [2] is entries"
                      + " 4..5)%n"
                      + "expected : 6 entries%n"
                      + "actual   : 8 entries"))
          .doesNotContain("threw");
    }

    @Test
    void aNullFlatGradient_isAConfigurationError() {
      GradientModel model =
          Models.flat(LogisticRegression.SPEC, LogisticRegression::loss, (w, x, y) -> null);

      assertThat(configurationError(model, LogisticRegression.randomCase(1, 4, 3)).getMessage())
          .contains(String.format("expected : 4 entries%nactual   : null"))
          .doesNotContain("threw");
    }

    @Test
    void aFlatGradientOfTheRightSize_passes() {
      assertThat(
              Gradients.check(LogisticRegression.correct(), LogisticRegression.randomCase(1, 4, 3))
                  .passed())
          .isTrue();
    }
  }

  @Nested
  class CaseThatDoesNotFitTheModel {

    @Test
    void aTensorOfTheWrongShape_isNamed_withItsDeclaredAndGivenShapes() {
      ModelSpec withBiasColumn =
          ModelSpec.named("with bias column")
              .inputs("batch", "in")
              .parameter("w", "out", "in + 1")
              .parameter("b", "out")
              .targets("batch", "out");
      GradientModel model = Models.of(withBiasColumn, (p, b) -> 0, (p, b, g) -> {});

      ModelConfigurationException e = configurationError(model, aCase());

      assertThat(e.getMessage())
          .isEqualTo(
              "The case does not fit model `with bias column`: tensor `w` is [2, 3] in the case,"
                  + " but w[out, in + 1] = [2, 4] for batch=2 in=3 out=2");
    }

    @Test
    void aMissingTensor_isNamed() {
      ModelSpec moreParameters = LinearRegression.SPEC.parameter("extra", "out");
      GradientModel model = Models.of(moreParameters, (p, b) -> 0, (p, b, g) -> {});

      assertThat(configurationError(model, aCase()).getMessage())
          .startsWith(
              "The case does not fit model `" + NAME + "`: tensor `extra` is missing in the case");
    }

    @Test
    void aMissingDimension_isNamed() {
      ModelSpec deeper =
          ModelSpec.named("deeper")
              .inputs("batch", "in")
              .parameter("w", "hidden", "in")
              .targets("batch", "out");
      GradientModel model = Models.of(deeper, (p, b) -> 0, (p, b, g) -> {});

      assertThat(configurationError(model, aCase()).getMessage())
          .startsWith("The case does not fit model `deeper`:")
          .contains("no value for dimension `hidden`")
          .endsWith("shape : batch=2 in=3 out=2");
    }

    @Test
    void aNullSpec_isAConfigurationError() {
      GradientModel model =
          new Delegating(CORRECT) {
            @Override
            public ModelSpec spec() {
              return null;
            }
          };

      assertThat(configurationError(model, aCase())).hasMessageContaining("returned a null spec()");
    }

    @Test
    void aCaseBuiltForTheModelsSpec_fits() {
      assertThat(Gradients.check(CORRECT, aCase()).passed()).isTrue();
    }
  }

  /** The user's case is never modified; the engine's private copy is restored bit for bit. */
  @Nested
  class Restoration {

    /** Values where a restore by arithmetic ({@code theta + h - h}) would not round-trip. */
    Case awkwardCase() {
      Case c = aCase();
      double[][] w = c.parameters().matrix("w");
      w[0][0] = 0.1;
      w[0][2] = -0.0;
      w[1][0] = 1e-310;
      w[1][1] = 3.3e4;
      w[1][2] = -7.3;
      c.parameters().vector("b")[0] = Math.nextUp(1.0);
      return c;
    }

    static long[] bits(Case c) {
      List<Long> bits = new ArrayList<>();
      for (Tensor t : c.tensors()) {
        for (int i = 0; i < t.size(); i++) {
          bits.add(Double.doubleToRawLongBits(t.get(i)));
        }
      }
      return bits.stream().mapToLong(Long::longValue).toArray();
    }

    @Test
    void theUsersCase_isUnchanged_afterAPassingCheck() {
      Case c = awkwardCase();
      long[] before = bits(c);

      assertThat(Gradients.check(LinearRegression.withInputGradient(), c).passed()).isTrue();

      assertThat(bits(c)).containsExactly(before);
    }

    @Test
    void theUsersCase_isUnchanged_afterAFailingCheck() {
      Case c = awkwardCase();
      long[] before = bits(c);

      assertThat(Gradients.check(LinearRegression.forgettingTheBatchMean(), c).passed()).isFalse();

      assertThat(bits(c)).containsExactly(before);
    }

    @Test
    void theUsersCase_isUnchanged_whenTheModelThrowsMidLoop() {
      Case c = awkwardCase();
      long[] before = bits(c);
      GradientModel model =
          Models.of(
              LinearRegression.SPEC,
              (p, b) -> {
                if (p.matrix("w")[1][1] != 3.3e4) {
                  throw new IllegalStateException("boom");
                }
                return CORRECT.loss(p, b);
              },
              CORRECT::gradient);

      configurationError(model, c);

      assertThat(bits(c)).containsExactly(before);
    }

    @Test
    void theUsersCase_isUnchanged_whenTheModelWritesItsArguments() {
      Case c = awkwardCase();
      long[] before = bits(c);
      GradientModel model =
          Models.of(
              LinearRegression.SPEC,
              (p, b) -> {
                p.matrix("w")[0][0] = 99;
                b.inputs()[0][0] = 99;
                return CORRECT.loss(p, b);
              },
              CORRECT::gradient);

      configurationError(model, c);

      assertThat(bits(c)).containsExactly(before);
    }

    @Test
    void theUsersCase_isUnchanged_whenTheModelUsesAnotherLayout() {
      // A MATRICES case checked against a FLAT model goes through a relayout copy.
      Case c = LogisticRegression.randomCase(2, 4, 3);
      c.parameters().vector("w")[1] = -0.0;
      assertThat(c.parameters().layout()).isEqualTo(ParameterLayout.MATRICES);
      long[] before = bits(c);

      assertThat(Gradients.check(LogisticRegression.correct(), c).passed()).isTrue();

      assertThat(bits(c)).containsExactly(before);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(DifferenceScheme.class)
    void everyLossCall_seesAtMostOneEntryMoved_andAllOthersBitForBit(DifferenceScheme scheme) {
      Case c = awkwardCase();
      long[] given = bits(c);
      List<String> violations = new ArrayList<>();
      int[] calls = {0};
      GradientModel model =
          Models.of(
              LinearRegression.SPEC,
              (p, b) -> {
                calls[0]++;
                long[] now = bits(p, b);
                int moved = 0;
                for (int k = 0; k < now.length; k++) {
                  moved += now[k] == given[k] ? 0 : 1;
                }
                if (moved > 1) {
                  violations.add("call " + calls[0] + ": " + moved + " entries moved");
                }
                return CORRECT.loss(p, b);
              },
              CORRECT::gradient);

      Gradients.check(model, c, CheckOptions.defaults().withScheme(scheme));

      assertThat(calls[0]).isGreaterThan(2 * 8);
      assertThat(violations).isEmpty();
    }

    @Test
    void everyLossCall_atTheGivenPoint_seesTheGivenBits() {
      Case c = awkwardCase();
      long[] given = bits(c);
      List<long[]> seen = new ArrayList<>();
      GradientModel model =
          Models.of(
              LinearRegression.SPEC,
              (p, b) -> {
                seen.add(bits(p, b));
                return CORRECT.loss(p, b);
              },
              (p, b, g) -> {
                seen.add(bits(p, b));
                CORRECT.gradient(p, b, g);
              });

      Gradients.check(model, c);

      // loss, loss, gradient, gradient at the given point; then the stencil calls.
      for (int k = 0; k < 4; k++) {
        assertThat(seen.get(k)).as("call %d", k).containsExactly(given);
      }
    }

    /** Bits in the order of {@link Case#tensors()}: inputs, parameters, targets. */
    private long[] bits(Parameters p, Batch b) {
      List<Tensor> tensors = new ArrayList<>();
      tensors.add(b.inputTensor());
      tensors.addAll(p.tensors());
      tensors.add(b.targetTensor());
      List<Long> bits = new ArrayList<>();
      for (Tensor t : tensors) {
        for (int i = 0; i < t.size(); i++) {
          bits.add(Double.doubleToRawLongBits(t.get(i)));
        }
      }
      return bits.stream().mapToLong(Long::longValue).toArray();
    }
  }

  @Test
  void everyBrokenModel_isAConfigurationException_andThatIsARuntimeException_notAnAssertion() {
    // A configuration error must surface as a test error, never be mistaken for a pass or a
    // gradient mismatch.
    assertThat(ModelConfigurationException.class).isAssignableTo(RuntimeException.class);
    assertThatThrownBy(
            () ->
                Gradients.assertCorrect(
                    Models.of(
                        LinearRegression.SPEC,
                        (p, b) -> {
                          throw new IllegalStateException();
                        },
                        CORRECT::gradient),
                    aCase()))
        .isNotInstanceOf(AssertionError.class)
        .isInstanceOf(ModelConfigurationException.class);
  }

  /** A model that forwards everything to another, for overriding one method. */
  static class Delegating implements GradientModel {
    private final GradientModel inner;

    Delegating(GradientModel inner) {
      this.inner = inner;
    }

    @Override
    public ModelSpec spec() {
      return inner.spec();
    }

    @Override
    public double loss(Parameters params, Batch batch) {
      return inner.loss(params, batch);
    }

    @Override
    public void gradient(Parameters params, Batch batch, Parameters gradient) {
      inner.gradient(params, batch, gradient);
    }

    @Override
    public boolean hasInputGradient() {
      return inner.hasInputGradient();
    }

    @Override
    public void inputGradient(Parameters params, Batch batch, Tensor gradient) {
      inner.inputGradient(params, batch, gradient);
    }
  }
}
