package io.github.gradprop.kinks;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gradprop.CheckOptions;
import io.github.gradprop.EntryCheck;
import io.github.gradprop.GradientCheckResult;
import io.github.gradprop.Gradients;
import io.github.gradprop.KinkPolicy;
import io.github.gradprop.Verdict;
import org.junit.jupiter.api.Test;

/** Bugs that live only at kinks: which ones gradprop can tell from a convention, and which not. */
class KinkOnlyBugsTests {

  /** ReLU whose backward uses {@code relu'(0) = 2}: a wrong value, but only at the kink itself. */
  private final Net reluPrimeTwo =
      new Net(
          "relu with relu'(0) = 2",
          Layers.act(z -> Math.max(z, 0), z -> z > 0 ? 1 : z == 0 ? 2 : 0),
          Layers.squaredError());

  @Test
  void derivativeValueChangedOnlyAtTheKink_cannotBeToldApartFromAConvention_andPasses() {
    GradientCheckResult r = Gradients.check(reluPrimeTwo, TieCases.reluAtZero(reluPrimeTwo));

    // 2 lies outside both one-sided derivatives, so it is re-checked nearby, where z != 0
    assertThat(r.passed()).isTrue();
    assertThat(r.kinkArtifactCount()).isEqualTo(2);
    assertThat(r.kinkCount()).isZero();
  }

  @Test
  void derivativeValueChangedOnlyAtTheKink_failsUnderStrict() {
    GradientCheckResult r =
        Gradients.check(
            reluPrimeTwo,
            TieCases.reluAtZero(reluPrimeTwo),
            CheckOptions.defaults().withKinkPolicy(KinkPolicy.STRICT));

    assertThat(r.failures()).extracting(EntryCheck::verdict).containsOnly(Verdict.MISMATCH_AT_KINK);
  }

  @Test
  void suspectsAtKinks_stayListedAsKinks_whenAvoidRejectsTheCase() {
    GradientCheckResult r =
        Gradients.check(
            reluPrimeTwo,
            TieCases.reluAtZero(reluPrimeTwo),
            CheckOptions.defaults().withKinkPolicy(KinkPolicy.AVOID));

    assertThat(r.rejected()).isTrue();
    assertThat(r.nonSmoothEntries()).extracting(EntryCheck::verdict).containsOnly(Verdict.KINK);
    assertThat(r.nonSmoothEntries()).hasSize(2);
  }

  @Test
  void maxThatPassesNoGradientToAnyTiedInput_isDetectedAlongTheTie() {
    GradientCheckResult r =
        Gradients.check(new MaxPoolNet(Routing.NONE_TIED), TieCases.maxPoolTie());

    assertThat(r.failures()).extracting(EntryCheck::verdict).containsOnly(Verdict.KINK_MISMATCH);
    assertThat(r.failures()).extracting(EntryCheck::analytic).containsOnly(0.0);
  }
}
