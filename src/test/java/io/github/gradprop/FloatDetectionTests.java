package io.github.gradprop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gradprop.model.Case;
import io.github.gradprop.model.GradientModel;
import io.github.gradprop.model.ModelSpec;
import io.github.gradprop.model.Models;
import io.github.gradprop.testmodels.FloatLinearRegression;
import io.github.gradprop.testmodels.zoo.LargeLogits;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The float detector concludes "computes in float" only from evidence a double model cannot give:
 * correct double models whose loss values are all exactly floats (large logits, tiny losses) pass,
 * while float models are still refused.
 */
class FloatDetectionTests {

  /** A confident two-class case: the target's logit leads by about {@code 23} at offset 30. */
  static Case confident(GradientModel m, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double a = 0.9 + 0.1 * r.nextDouble();
    double c = 0.1 * r.nextDouble();
    return Case.builder(m.spec())
        .parameter("w", new double[][] {{a, 0.3 * r.nextDouble()}, {c, 0.2 * r.nextDouble()}})
        .inputs(new double[][] {{1.0, 0.25 + 0.5 * r.nextDouble()}})
        .targets(new double[][] {{1.0, 0.0}})
        .build();
  }

  private static boolean floatExact(double v) {
    return (double) (float) v == v;
  }

  @Test
  void largeLogitCrossEntropy_withFloatExactLosses_isCheckedAsDouble_andPasses() {
    GradientModel correct = new LargeLogits(30, true);
    int floatLike = 0;
    for (long seed = 1; seed <= 30; seed++) {
      Case c = confident(correct, seed);
      double loss = correct.loss(c.parameters(), c.batch());
      if (floatExact(loss) && loss > 0 && loss < 1e-8) {
        floatLike++;
      }
      GradientCheckResult r = Gradients.check(correct, c);
      assertThat(r.passed()).as("seed %d:%n%s", seed, r.report()).isTrue();
    }
    assertThat(floatLike).as("cases whose loss is a tiny float-exact value").isGreaterThan(20);
  }

  @Test
  void largeLogitCrossEntropy_withABug_isStillCaught() {
    GradientModel buggy = new LargeLogits(30, false);
    for (long seed = 1; seed <= 10; seed++) {
      assertThat(Gradients.check(buggy, confident(buggy, seed)).passed())
          .as("seed %d", seed)
          .isFalse();
    }
  }

  static final ModelSpec TINY =
      ModelSpec.named("tiny loss").inputs("batch", "in").parameter("w", "in");

  /** {@code (1 + 1e-9 (w . x)^2) - 1}: a double loss near 1e-9 on a grid of 2^-52. */
  static GradientModel tinyLoss() {
    return Models.of(
        TINY,
        (p, b) -> {
          double s = dot(p.vector("w"), b.inputs()[0]);
          return (1.0 + 1e-9 * s * s) - 1.0;
        },
        (p, b, g) -> {
          double[] x = b.inputs()[0];
          double s = dot(p.vector("w"), x);
          for (int i = 0; i < x.length; i++) {
            g.vector("w")[i] = 2e-9 * s * x[i];
          }
        });
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  @Test
  void tinyDoubleLoss_onAGridCoarserThanItsValue_isNotTakenForFloat() {
    for (long seed = 1; seed <= 20; seed++) {
      SplittableRandom r = new SplittableRandom(seed);
      Case c =
          Case.builder(TINY)
              .parameter("w", new double[] {0.5 + r.nextDouble(), -0.5 - r.nextDouble()})
              .inputs(new double[][] {{1.0 + r.nextDouble(), 0.3 * r.nextDouble()}})
              .build();
      GradientCheckResult r2 = Gradients.check(tinyLoss(), c);
      assertThat(r2.passed()).as("seed %d:%n%s", seed, r2.report()).isTrue();
    }
  }

  @Test
  void floatModel_isStillRefused_withTheProbesEvidence() {
    Case c =
        Case.builder(new FloatLinearRegression(false).spec())
            .parameter("w", new double[][] {{0.7}})
            .inputs(new double[][] {{1.3}})
            .targets(new double[][] {{0.2}})
            .build();
    assertThatThrownBy(() -> Gradients.check(new FloatLinearRegression(false), c))
        .isInstanceOf(ModelConfigurationException.class)
        .hasMessageContaining("exactly float values");
  }

  @Test
  void anAmbiguousFinding_isANote_thatSaysTheCheckWentOnAsDouble() {
    var facts =
        new io.github.gradprop.internal.report.NoteFacts(
            io.github.gradprop.internal.report.NoteFacts.Counted.none(),
            java.util.List.of(),
            io.github.gradprop.internal.report.NoteFacts.Counted.none(),
            io.github.gradprop.internal.report.NoteFacts.Counted.none(),
            0.25);
    assertThat(io.github.gradprop.internal.report.NoteText.render(facts))
        .containsOnlyKeys("precision")
        .containsEntry(
            "precision",
            "every loss value seen (such as 0.25) is exactly a float, but moving entries below"
                + " float resolution and by a few float steps gave no evidence either way; checked"
                + " as double (if the loss is computed in float, declare LossPrecision.FLOAT)");
    assertThat(
            io.github.gradprop.internal.report.NoteText.render(
                io.github.gradprop.internal.report.NoteFacts.none()))
        .isEmpty();
  }
}
