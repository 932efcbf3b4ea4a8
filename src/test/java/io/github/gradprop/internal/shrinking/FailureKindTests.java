package io.github.gradprop.internal.shrinking;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gradprop.CheckOptions;
import io.github.gradprop.EntryCheck;
import io.github.gradprop.GradientCheckResult;
import io.github.gradprop.Verdict;
import io.github.gradprop.internal.check.CheckResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FailureKindTests {

  private static EntryCheck entry(String tensor, double analytic, double numeric, Verdict verdict) {
    double rel = Math.abs(analytic - numeric) / Math.max(Math.abs(analytic), Math.abs(numeric));
    return new EntryCheck(tensor, new int[] {0}, 0, analytic, numeric, rel, 1e-8, verdict);
  }

  private static GradientCheckResult failing(EntryCheck... worstFirst) {
    return new CheckResult(
        "m",
        Map.of("n", 1),
        CheckOptions.defaults(),
        0,
        0,
        Map.of(),
        Map.of(),
        List.of(worstFirst),
        0,
        0);
  }

  @Test
  void aCandidateFailingOnlyInAnotherTensorThatFailedClearly_failsTheSameWay() {
    FailureKind kind =
        FailureKind.of(
            failing(
                entry("wh", 0.0, 1.0, Verdict.MISMATCH), entry("b", 1.0, 2.0, Verdict.MISMATCH)));
    assertThat(kind.matches(failing(entry("b", -1.0, -2.0, Verdict.MISMATCH)))).isTrue();
    assertThat(kind.matches(failing(entry("wh", 0.0, 1.0, Verdict.MISMATCH)))).isTrue();
  }

  @Test
  void aTensorThatPassedOrFailedOnlyBarelyInTheOriginal_doesNotCount() {
    FailureKind kind =
        FailureKind.of(
            failing(
                entry("wh", 0.0, 1.0, Verdict.MISMATCH),
                entry("v", 1.0, 1.0 + 1e-5, Verdict.MISMATCH)));
    assertThat(kind.matches(failing(entry("v", 1.0, 2.0, Verdict.MISMATCH)))).isFalse();
    assertThat(kind.matches(failing(entry("wx", 0.0, 1.0, Verdict.MISMATCH)))).isFalse();
  }

  @Test
  void anotherVerdict_orAFailureNoLongerClear_isNotTheSameWay() {
    FailureKind kind =
        FailureKind.of(
            failing(
                entry("wh", 0.0, 1.0, Verdict.MISMATCH), entry("b", 1.0, 2.0, Verdict.MISMATCH)));
    assertThat(kind.matches(failing(entry("b", Double.NaN, 2.0, Verdict.NON_FINITE)))).isFalse();
    assertThat(kind.matches(failing(entry("b", 1.0, 1.0 + 1e-5, Verdict.MISMATCH)))).isFalse();
  }

  @Test
  void aBarelyFailingOriginal_isHeldToItsOwnClarity_inItsWorstTensorOnly() {
    FailureKind kind = FailureKind.of(failing(entry("w", 1.0, 1.0 + 1e-4, Verdict.MISMATCH)));
    assertThat(kind.matches(failing(entry("w", 1.0, 1.0 + 2e-4, Verdict.MISMATCH)))).isTrue();
    assertThat(kind.matches(failing(entry("w", 1.0, 1.0 + 1e-5, Verdict.MISMATCH)))).isFalse();
    assertThat(kind.matches(failing(entry("b", 0.0, 1.0, Verdict.MISMATCH)))).isFalse();
  }
}
