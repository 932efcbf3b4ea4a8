package io.github.gradprop.kinks;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gradprop.EntryCheck;
import io.github.gradprop.GradientCheckResult;
import io.github.gradprop.Gradients;
import io.github.gradprop.Verdict;
import io.github.gradprop.model.Case;
import io.github.gradprop.model.GradientModel;
import io.github.gradprop.model.ModelSpec;
import io.github.gradprop.model.Models;
import org.junit.jupiter.api.Test;

/** Re-checking a mismatch at a nearby generic point. */
class ConfirmationTests {

  static final ModelSpec COUNTS =
      ModelSpec.named("weighted counts").inputs("batch", "in").parameter("w", "in");

  /** {@code sum_i w_i^2 x_i} over integer counts {@code x}; the loss rejects anything else. */
  static GradientModel counts(double factor) {
    return Models.of(
        COUNTS,
        (p, b) -> {
          double[] w = p.vector("w");
          double[] x = b.inputs()[0];
          double s = 0;
          for (int i = 0; i < w.length; i++) {
            if (x[i] != Math.rint(x[i])) {
              throw new IllegalArgumentException("inputs must be counts, but was " + x[i]);
            }
            s += w[i] * w[i] * x[i];
          }
          return s;
        },
        (p, b, g) -> {
          double[] w = p.vector("w");
          double[] x = b.inputs()[0];
          for (int i = 0; i < w.length; i++) {
            g.vector("w")[i] = factor * w[i] * x[i];
          }
        });
  }

  private static Case aCase() {
    return Case.builder(COUNTS)
        .parameter("w", new double[] {0.5, -1.0})
        .inputs(new double[][] {{1.0, 2.0}})
        .build();
  }

  @Test
  void modelWhoseLossRejectsMovedInputs_isConfirmedWithTheInputsAsGiven() {
    GradientCheckResult r = Gradients.check(counts(3), aCase());

    assertThat(r.passed()).isFalse();
    assertThat(r.confirmed()).isTrue();
    assertThat(r.confirmations()).extracting(EntryCheck::verdict).containsOnly(Verdict.MISMATCH);
    assertThat(Gradients.check(counts(2), aCase()).passed()).isTrue();
  }

  @Test
  void confirmation_checksTheSameEntryAtAPointNearby_andReportsItsOwnNumbers() {
    GradientCheckResult r = Gradients.check(counts(3), aCase());

    assertThat(r.confirmations()).hasSameSizeAs(r.failures());
    for (int k = 0; k < r.failures().size(); k++) {
      EntryCheck here = r.failures().get(k);
      EntryCheck there = r.confirmations().get(k);
      assertThat(there.tensor()).isEqualTo(here.tensor());
      assertThat(there.flatIndex()).isEqualTo(here.flatIndex());
      assertThat(there.analytic())
          .isNotEqualTo(here.analytic())
          .isCloseTo(here.analytic(), org.assertj.core.data.Percentage.withPercentage(1));
      assertThat(there.numeric())
          .isCloseTo(
              2.0 / 3 * there.analytic(), org.assertj.core.data.Percentage.withPercentage(1e-3));
    }
  }
}
