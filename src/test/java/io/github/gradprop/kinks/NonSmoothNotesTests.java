package io.github.gradprop.kinks;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gradprop.CheckOptions;
import io.github.gradprop.EntryCheck;
import io.github.gradprop.GradientCheckResult;
import io.github.gradprop.Gradients;
import io.github.gradprop.KinkPolicy;
import io.github.gradprop.Verdict;
import io.github.gradprop.model.Case;
import io.github.gradprop.model.GradientModel;
import io.github.gradprop.model.ModelSpec;
import io.github.gradprop.model.Models;
import org.junit.jupiter.api.Test;

/** Non-smoothness worth a note even when nothing fails: steep slopes, a loss that blows up. */
class NonSmoothNotesTests {

  static final ModelSpec ONE =
      ModelSpec.named("one weight").inputs("batch", "in").parameter("p", "one");

  static Case at(double p) {
    return Case.builder(ONE)
        .parameter("p", new double[] {p})
        .inputs(new double[][] {{0.0}})
        .build();
  }

  /** {@code -log(max(p, 1e-12))}, as in the seed's cross-entropy, with its correct backward. */
  static final GradientModel CLIPPED_LOG =
      Models.of(
          ONE,
          (p, b) -> -Math.log(Math.max(p.vector("p")[0], 1e-12)),
          (p, b, g) -> {
            double v = p.vector("p")[0];
            g.vector("p")[0] = v > 1e-12 ? -1 / v : 0;
          });

  /** {@code -log(p)}, NaN for negative p. */
  static final GradientModel LOG =
      Models.of(
          ONE,
          (p, b) -> -Math.log(p.vector("p")[0]),
          (p, b, g) -> g.vector("p")[0] = -1 / p.vector("p")[0]);

  @Test
  void logClippedAtEps_passesAtTheClip_withANoteOnTheSteepSlope() {
    GradientCheckResult r = Gradients.check(CLIPPED_LOG, at(1e-12));

    assertThat(r.passed()).isTrue();
    assertThat(r.kinkCount()).isEqualTo(1);
    assertThat(r.notes()).containsKey("steep");
    assertThat(r.report())
        .contains("steep     : one-sided slopes 0.0e+00 (left) and ")
        .contains("(right) over a step of ")
        .contains("at p[0]: far steeper on one side, as where a log is clipped at eps");
  }

  @Test
  void lossThatIsNotFiniteOneStepAway_passesWithANote_andFailsOnlyUnderStrictWhenUnresolved() {
    GradientCheckResult r = Gradients.check(LOG, at(1e-7));

    assertThat(r.passed()).isTrue();
    assertThat(r.refinedCount()).isEqualTo(1);
    assertThat(r.report())
        .contains(
            "non-finite : the loss is NaN at p[0] - 6.1e-06, though finite at 1.0E-7;"
                + " checked with smaller steps");

    GradientCheckResult tiny = Gradients.check(LOG, at(1e-12));
    assertThat(tiny.passed()).isTrue();
    assertThat(tiny.unresolvedCount()).isEqualTo(1);
    GradientCheckResult strict =
        Gradients.check(LOG, at(1e-12), CheckOptions.defaults().withKinkPolicy(KinkPolicy.STRICT));
    assertThat(strict.failures())
        .extracting(EntryCheck::verdict)
        .containsExactly(Verdict.NON_FINITE);
  }
}
