package io.github.gradprop.kinks;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gradprop.CheckOptions;
import io.github.gradprop.EntryCheck;
import io.github.gradprop.GradientCheckResult;
import io.github.gradprop.Gradients;
import io.github.gradprop.KinkPolicy;
import io.github.gradprop.Verdict;
import io.github.gradprop.model.Case;
import org.junit.jupiter.api.Test;

/**
 * The seed question's failing cell in miniature: ReLU on the output, cross-entropy with {@code
 * log(max(y, eps))}, and the backward shortcut {@code delta = y - Y}, which is right for a sigmoid
 * output only.
 */
class SeedLikeTests {

  private static final double EPS = Math.ulp(1.0);

  private static final Net.Head RELU_CROSS_ENTROPY =
      new Net.Head() {
        @Override
        public double value(double[] o, double[] y) {
          double s = 0;
          for (int k = 0; k < o.length; k++) {
            double a = Math.max(o[k], 0);
            s -= y[k] * Math.log(Math.max(a, EPS)) + (1 - y[k]) * Math.log(Math.max(1 - a, EPS));
          }
          return s;
        }

        @Override
        public void gradient(double[] o, double[] y, double[] g) {
          for (int k = 0; k < o.length; k++) {
            g[k] = Math.max(o[k], 0) - y[k];
          }
        }
      };

  private final Net seed = new Net("relu, cross-entropy (seed)", Layers.relu(), RELU_CROSS_ENTROPY);

  private Case withOutput(double o) {
    // hidden z = 0.5 (no kink), output o = 0.5 * w2 + b2
    return Case.builder(seed.spec())
        .parameter("w1", new double[][] {{0.5}})
        .parameter("b1", new double[] {0.0})
        .parameter("w2", new double[][] {{1.0}})
        .parameter("b2", new double[] {o - 0.5})
        .inputs(new double[][] {{1.0}})
        .targets(new double[][] {{1.0}})
        .build();
  }

  @Test
  void seedBug_failsUnderTheDefaultPolicy_atAPointThatIsNotAKink() {
    GradientCheckResult r = Gradients.check(seed, withOutput(0.25));

    assertThat(r.passed()).isFalse();
    assertThat(r.kinkCount()).isZero();
    assertThat(r.confirmed()).isTrue();
    assertThat(r.failures()).extracting(EntryCheck::verdict).containsOnly(Verdict.MISMATCH);
  }

  @Test
  void seedBug_atAReluOutputOfZero_underStrict_saysTheLossIsNotDifferentiableThere_andSteep() {
    GradientCheckResult strict =
        Gradients.check(
            seed, withOutput(0), CheckOptions.defaults().withKinkPolicy(KinkPolicy.STRICT));

    assertThat(strict.passed()).isFalse();
    assertThat(strict.failures())
        .extracting(EntryCheck::verdict)
        .contains(Verdict.MISMATCH_AT_KINK);
    assertThat(strict.report())
        .contains("where the loss is not differentiable differ from the central difference")
        .contains("correct code can fail KinkPolicy.STRICT")
        .contains("steep     : one-sided slopes")
        .contains("as where a log is clipped at eps");
  }

  @Test
  void seedBug_atAReluOutputOfZero_underTheDefaultPolicy_passesThatCase_butNotesTheSteepKink() {
    GradientCheckResult r = Gradients.check(seed, withOutput(0));

    assertThat(r.passed()).isTrue();
    assertThat(r.kinkCount()).isPositive();
    assertThat(r.notes()).containsKey("steep");
  }
}
