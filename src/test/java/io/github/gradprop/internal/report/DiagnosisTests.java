package io.github.gradprop.internal.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gradprop.GradientCheckResult;
import io.github.gradprop.Gradients;
import io.github.gradprop.internal.report.Diagnosis.Finding;
import io.github.gradprop.internal.report.Diagnosis.Kind;
import io.github.gradprop.model.Batch;
import io.github.gradprop.model.Case;
import io.github.gradprop.model.GradientModel;
import io.github.gradprop.model.Parameters;
import io.github.gradprop.model.Tensor;
import io.github.gradprop.testmodels.LinearRegression;
import io.github.gradprop.testmodels.PlantedError;
import io.github.gradprop.testmodels.ReferenceMlp;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/**
 * The diagnosis rules on models whose bug is known exactly: each planted pattern is named with its
 * evidence, and correct models and patternless bugs get none.
 */
class DiagnosisTests {

  /** Linear regression, batch 3, in 2, out 2 (w is square: out = in). */
  private static final Case CASE = LinearRegression.randomCase(5, 3, 2, 2);

  private static Diagnosis diagnose(GradientModel model, Case c) {
    GradientCheckResult r = Gradients.check(model, c);
    return Diagnosis.of(r, model.spec());
  }

  /** The correct model with its gradient of {@code tensor} rewritten by {@code edit}. */
  private static GradientModel distorted(String tensor, BiConsumer<Tensor, double[]> edit) {
    GradientModel correct = LinearRegression.correct();
    return new GradientModel() {
      @Override
      public io.github.gradprop.model.ModelSpec spec() {
        return correct.spec();
      }

      @Override
      public double loss(Parameters params, Batch batch) {
        return correct.loss(params, batch);
      }

      @Override
      public void gradient(Parameters params, Batch batch, Parameters gradient) {
        correct.gradient(params, batch, gradient);
        Tensor t = gradient.tensor(tensor);
        edit.accept(t, t.toArray());
      }
    };
  }

  @Test
  void forgottenBatchMean_isAFactorOfBatch_aMissingOneOverN() {
    Diagnosis d = diagnose(LinearRegression.forgettingTheBatchMean(), CASE);

    assertThat(d.findings()).extracting(Finding::tensor).containsExactly("w", "b");
    assertThat(d.findings()).allSatisfy(f -> assertThat(f.kind()).isEqualTo(Kind.FACTOR));
    Finding w = d.findings().get(0);
    assertThat(w.pattern()).isEqualTo("a factor of batch = 3: a missing 1/batch?");
    assertThat(w.evidence())
        .isEqualTo(
            "analytic / numeric = 3 for all 4 mismatching entries; all 4 entries of w agree once"
                + " the analytic gradient is divided by 3");
  }

  @Test
  void correctModel_getsNoDiagnosis() {
    assertThat(diagnose(LinearRegression.correct(), CASE).isEmpty()).isTrue();
    assertThat(diagnose(LinearRegression.withInputGradient(), CASE).isEmpty()).isTrue();
    assertThat(diagnose(new ReferenceMlp(), ReferenceMlp.referenceCase(42)).render()).isEmpty();
  }

  @Test
  void flippedInputGradient_isASignFlip() {
    Diagnosis d = diagnose(LinearRegression.withInputGradientSignFlipped(), CASE);

    assertThat(d.findings()).hasSize(1);
    assertThat(d.findings().get(0).tensor()).isEqualTo("inputs");
    assertThat(d.findings().get(0).pattern()).isEqualTo("a sign flip (analytic = -numeric)");
    assertThat(d.findings().get(0).evidence()).contains("agree once the sign is flipped");
  }

  @Test
  void halvedGradient_isAFactorOfOneHalf() {
    Diagnosis d = diagnose(distorted("b", (t, g) -> scaleAll(t, g, 0.5)), CASE);

    assertThat(d.findings())
        .singleElement()
        .satisfies(f -> assertThat(f.pattern()).startsWith("a factor of 1/2"));
  }

  @Test
  void transposedWeightGradient_isATransposition() {
    Diagnosis d =
        diagnose(
            distorted(
                "w",
                (t, g) -> {
                  t.set(1, g[2]);
                  t.set(2, g[1]);
                }),
            CASE);

    assertThat(d.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.kind()).isEqualTo(Kind.PERMUTATION);
              assertThat(f.pattern()).startsWith("transposed (analytic [i, j] is numeric [j, i])");
              assertThat(f.evidence())
                  .isEqualTo(
                      "all 4 entries agree once out and in are swapped (2 mismatch as they are)");
            });
  }

  @Test
  void gradientNeverWritten_isAZeroTensor() {
    Diagnosis d = diagnose(distorted("w", (t, g) -> scaleAll(t, g, 0)), CASE);

    assertThat(d.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.kind()).isEqualTo(Kind.ZERO);
              assertThat(f.pattern()).startsWith("the analytic gradient is 0 for the whole tensor");
              assertThat(f.evidence())
                  .isEqualTo(
                      "all 4 analytic entries are 0; 4 numeric entries are beyond the tolerance from 0");
            });
  }

  @Test
  void lastRowLeftOut_isAZeroRow() {
    Diagnosis d =
        diagnose(
            distorted(
                "w",
                (t, g) -> {
                  t.set(2, 0);
                  t.set(3, 0);
                }),
            CASE);

    assertThat(d.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.kind()).isEqualTo(Kind.ZERO);
              assertThat(f.pattern()).contains("the whole row out = 1 (the last of 2)");
            });
  }

  @Test
  void oneRowWrongByAnIrregularError_isConfinedToThatRow() {
    Diagnosis d =
        diagnose(
            distorted(
                "w",
                (t, g) -> {
                  t.set(0, g[0] * 1.3 + 0.1);
                  t.set(1, g[1] * 0.7 - 0.2);
                }),
            CASE);

    assertThat(d.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.kind()).isEqualTo(Kind.CONFINED);
              assertThat(f.pattern()).startsWith("mismatches only at row out = 0 (the first of 2)");
              assertThat(f.evidence())
                  .startsWith(
                      "all 2 mismatching entries have out = 0; the 2 entries at other out agree");
            });
  }

  @Test
  void smallErrorsJustOverTheTolerance_inOneRow_areNotCalledConfined() {
    // as a missing eps does: only the largest entries exceed the tolerance, wherever they sit
    Diagnosis d =
        diagnose(
            distorted(
                "w",
                (t, g) -> {
                  t.set(0, g[0] * (1 + 1e-4));
                  t.set(1, g[1] * (1 + 2e-4));
                }),
            CASE);

    assertThat(d.isEmpty()).as("%s", d).isTrue();
  }

  @Test
  void oneWrongEntry_isNoPattern() {
    // a single mismatch supports no pattern: any ratio or zero could be a coincidence
    Diagnosis d =
        diagnose(new PlantedError(new ReferenceMlp(), "w1", 7, -2), ReferenceMlp.referenceCase(42));

    assertThat(d.isEmpty()).isTrue();
  }

  @Test
  void rendersBelowTheTable_withWhatWasChecked() {
    Diagnosis d = diagnose(LinearRegression.forgettingTheBatchMean(), CASE);

    assertThat(d.render().lines())
        .containsExactly(
            "looks like:",
            "  - w: a factor of batch = 3: a missing 1/batch?",
            "    checked: analytic / numeric = 3 for all 4 mismatching entries; all 4 entries of w"
                + " agree once the analytic gradient is divided by 3",
            "  - b: a factor of batch = 3: a missing 1/batch?",
            "    checked: analytic / numeric = 3 for all 2 mismatching entries; all 2 entries of b"
                + " agree once the analytic gradient is divided by 3");
    assertThat(Gradients.check(LinearRegression.forgettingTheBatchMean(), CASE).report())
        .contains(System.lineSeparator() + System.lineSeparator() + "looks like:");
  }

  private static void scaleAll(Tensor t, double[] g, double factor) {
    for (int i = 0; i < g.length; i++) {
      t.set(i, g[i] * factor);
    }
  }
}
