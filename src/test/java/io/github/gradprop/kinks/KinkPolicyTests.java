package io.github.gradprop.kinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gradprop.CheckOptions;
import io.github.gradprop.EntryCheck;
import io.github.gradprop.GradientCheckResult;
import io.github.gradprop.GradientMismatchError;
import io.github.gradprop.Gradients;
import io.github.gradprop.KinkPolicy;
import io.github.gradprop.RejectedCaseException;
import io.github.gradprop.Verdict;
import io.github.gradprop.kinks.KinkCases.Targets;
import io.github.gradprop.kinks.KinkCases.Values;
import io.github.gradprop.model.Case;
import org.junit.jupiter.api.Test;

/** The three kink policies on a correct ReLU whose input is exactly 0, and around it. */
class KinkPolicyTests {

  private final Net relu = new Net("relu, squared error", Layers.relu(), Layers.squaredError());
  private final Case atZero = TieCases.reluAtZero(relu);

  private static CheckOptions policy(KinkPolicy p) {
    return CheckOptions.defaults().withKinkPolicy(p);
  }

  @Test
  void defaultPolicy_isConfirm_andCanBeChanged() {
    assertThat(CheckOptions.defaults().kinkPolicy()).isEqualTo(KinkPolicy.CONFIRM);
    assertThat(policy(KinkPolicy.STRICT).kinkPolicy()).isEqualTo(KinkPolicy.STRICT);
    assertThat(policy(KinkPolicy.STRICT).toString()).contains("STRICT");
    assertThatThrownBy(() -> CheckOptions.defaults().withKinkPolicy(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("kinkPolicy must not be null");
  }

  @Test
  void correctReluAtExactZero_passesUnderTheDefaultPolicy_andCountsTwoKinks() {
    GradientCheckResult r = Gradients.check(relu, atZero);

    assertThat(r.passed()).isTrue();
    assertThat(r.kinkCount()).isEqualTo(2);
    assertThat(r.hasKinks()).isTrue();
    assertThat(r.nonSmoothEntries())
        .extracting(e -> e.tensor() + e.indexText() + " " + e.verdict())
        .containsExactly("w1[0, 0] KINK", "b1[0] KINK");
    Gradients.assertCorrect(relu, atZero);
  }

  @Test
  void correctReluAtExactZero_failsUnderStrict_andTheReportSaysCorrectCodeCanFailIt() {
    GradientCheckResult r = Gradients.check(relu, atZero, policy(KinkPolicy.STRICT));

    assertThat(r.passed()).isFalse();
    assertThat(r.failures())
        .extracting(EntryCheck::verdict)
        .containsExactly(Verdict.MISMATCH_AT_KINK, Verdict.MISMATCH_AT_KINK);
    assertThat(r.notes()).containsKey("at kinks");
    assertThat(r.report())
        .contains(
            "policy    : STRICT (disagreements at kinks fail without confirmation; correct code can fail this)")
        .contains("the one-sided derivatives are 0.0e+00 (left) and -1.0e+00 (right)")
        .contains("correct code can fail KinkPolicy.STRICT at such points");
    assertThatThrownBy(() -> Gradients.assertCorrect(relu, atZero, policy(KinkPolicy.STRICT)))
        .isInstanceOf(GradientMismatchError.class);
  }

  @Test
  void correctReluAtExactZero_isRejectedUnderAvoid_andAssertCorrectThrowsAClearError() {
    GradientCheckResult r = Gradients.check(relu, atZero, policy(KinkPolicy.AVOID));

    assertThat(r.rejected()).isTrue();
    assertThat(r.passed()).isFalse();
    assertThat(r.failures()).isEmpty();
    assertThat(r.kinkCount()).isEqualTo(2);
    assertThatThrownBy(() -> Gradients.assertCorrect(relu, atZero, policy(KinkPolicy.AVOID)))
        .isInstanceOf(RejectedCaseException.class)
        .hasMessageStartingWith(
            "Case rejected under KinkPolicy.AVOID: the loss is not smooth at 2 of 4 entries");
  }

  @Test
  void avoid_rejectsAHiddenCoincidentKink_thatOnlyShowsAsAnUnconfirmedMismatch() {
    GradientCheckResult r =
        Gradients.check(
            new CReluNet(true), TieCases.concatenatedReluAtZero(), policy(KinkPolicy.AVOID));

    assertThat(r.kinkCount()).isZero();
    assertThat(r.kinkArtifactCount()).isEqualTo(2);
    assertThat(r.rejected()).isTrue();
  }

  @Test
  void avoid_checksCasesWithoutKinks_asTheDefaultPolicyDoes() {
    KinkModels.Entry reluEntry = KinkModels.all().get(0);
    for (long seed = 0; seed < 50; seed++) {
      Case c = KinkCases.draw(relu.spec(), Targets.REAL, Values.GENERIC, null, seed);
      GradientCheckResult avoid = Gradients.check(relu, c, policy(KinkPolicy.AVOID));
      assertThat(avoid.rejected()).isFalse();
      assertThat(avoid.passed()).isTrue();
      assertThat(Gradients.check(reluEntry.buggy(), c, policy(KinkPolicy.AVOID)).passed())
          .isEqualTo(Gradients.check(reluEntry.buggy(), c).passed());
    }
  }

  @Test
  void strict_stillFindsTheBugsTheDefaultPolicyFinds() {
    for (KinkModels.Entry m : KinkModels.all()) {
      for (long seed = 0; seed < 30; seed++) {
        Case c = KinkCases.draw(m.buggy().spec(), m.targets(), Values.GENERIC, null, seed);
        if (!Gradients.check(m.buggy(), c).passed()) {
          assertThat(Gradients.check(m.buggy(), c, policy(KinkPolicy.STRICT)).passed())
              .as(m.name())
              .isFalse();
        }
      }
    }
  }
}
