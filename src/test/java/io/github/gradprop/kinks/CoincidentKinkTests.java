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

/**
 * The {@code relu(t) - relu(-t)} pattern: two kinks that cancel, so the loss is smooth, while the
 * usual convention {@code relu'(0) = 0} disagrees. Correct code, so it must pass.
 */
class CoincidentKinkTests {

  @Test
  void concatenatedReluAtZero_disagreesEntryByEntry_butPassesAsAKinkArtifact() {
    Case c = TieCases.concatenatedReluAtZero();
    GradientCheckResult r = Gradients.check(new CReluNet(true), c);

    assertThat(r.passed()).isTrue();
    assertThat(r.kinkArtifactCount()).isEqualTo(2);
    assertThat(r.nonSmoothEntries())
        .extracting(e -> e.tensor() + e.indexText() + " " + e.verdict())
        .containsExactly("w1[0, 0] KINK_ARTIFACT", "b1[0] KINK_ARTIFACT");
    EntryCheck b1 = r.nonSmoothEntries().get(1);
    assertThat(b1.analytic()).isEqualTo(0.0);
    assertThat(b1.numeric()).isCloseTo(-1.0, org.assertj.core.data.Offset.offset(1e-6));
    assertThat(r.report())
        .contains("kinks     : 2 kink artifacts not confirmed at a nearby generic point");
  }

  @Test
  void concatenatedReluAtZero_failsUnderStrict_whichSaysCorrectCodeCanFailIt() {
    GradientCheckResult r =
        Gradients.check(
            new CReluNet(true),
            TieCases.concatenatedReluAtZero(),
            CheckOptions.defaults().withKinkPolicy(KinkPolicy.STRICT));

    assertThat(r.passed()).isFalse();
    assertThat(r.failures()).extracting(EntryCheck::verdict).containsOnly(Verdict.MISMATCH);
    assertThat(r.confirmed()).isFalse();
    assertThat(r.report()).contains("correct code can fail this");
  }

  @Test
  void concatenatedReluAtZero_withTheBranchMissing_isStillAConfirmedMismatch() {
    GradientCheckResult r = Gradients.check(new CReluNet(false), TieCases.concatenatedReluAtZero());

    assertThat(r.passed()).isFalse();
    assertThat(r.confirmed()).isTrue();
  }

  /** {@code relu(p0) - relu(-p1)}: each entry is a kink, the loss along (1, 1) is {@code t}. */
  static final ModelSpec CANCELLING =
      ModelSpec.named("relu(p0) - relu(-p1)").inputs("batch", "in").parameter("p", "two");

  static GradientModel cancelling() {
    return Models.of(
        CANCELLING,
        (p, b) -> {
          double[] v = p.vector("p");
          return Math.max(v[0], 0) - Math.max(-v[1], 0);
        },
        (p, b, g) -> {
          double[] v = p.vector("p");
          g.vector("p")[0] = v[0] > 0 ? 1 : 0;
          g.vector("p")[1] = -v[1] > 0 ? 1 : 0;
        });
  }

  @Test
  void kinksThatCancelAlongTheirJointDirection_areNoTieMismatch() {
    Case c =
        Case.builder(CANCELLING)
            .parameter("p", new double[] {0.0, 0.0})
            .inputs(new double[][] {{0.0}})
            .build();
    GradientCheckResult r = Gradients.check(cancelling(), c);

    // along (1, 1) the loss is t (slope 1) while the analytic projection is 0; moved a little
    // along that direction both kinks are behind and the backward pass agrees, so no alarm
    assertThat(r.kinkCount()).isEqualTo(2);
    assertThat(r.passed()).as(r.report()).isTrue();
  }
}
