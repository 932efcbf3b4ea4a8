package io.github.gradprop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.gradprop.testmodels.OneHiddenUnit;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/**
 * Golden full-text tests of the report, on a model worked out by hand (see {@link OneHiddenUnit}).
 */
class GradientMismatchErrorTests {

  /** The lines joined as the report joins them ({@code %n}), with a final line separator. */
  static String lines(String... lines) {
    return String.join(System.lineSeparator(), lines) + System.lineSeparator();
  }

  @Test
  void theFailureMessage_isTheFullReport() {
    GradientMismatchError error =
        catchThrowableOfType(
            GradientMismatchError.class,
            () ->
                Gradients.assertCorrect(
                    OneHiddenUnit.forgettingTheActivation(), OneHiddenUnit.aCase()));

    // dL/dw2 = r * a = 2 * 1.5 = 3, the backward pass returns r = 2; rel-error 1/3. The rounding
    // allowance is 16 eps |L| / h = 16 * 2.2e-16 * 2 / 6.1e-6 = 1.2e-9.
    assertThat(error.getMessage())
        .isEqualTo(
            lines(
                    "Analytic gradient disagrees with finite differences for 1 of 1 entries of w2",
                    "model     : one hidden unit, squared error",
                    "shape     : batch=1 in=2 hidden=1 out=1",
                    "loss      : 2.0",
                    "scheme    : central difference, step 6.1e-06 * max(1, |theta|)",
                    "tolerance : |analytic - numeric| <= 1.0e-08 + 1.0e-06 * |numeric| + rounding"
                        + " (at most 1.2e-09 here)",
                    "policy    : default (a mismatch fails only if it persists at a nearby generic point)",
                    "confirmed : the mismatch persists at a nearby generic point (weights and inputs"
                        + " moved by about 1e-3 relative)",
                    "",
                    "tensor  index   analytic       numeric        rel-error  verdict",
                    "w2      [0, 0]   2.000000e+00   3.000000e+00  3.3e-01    MISMATCH",
                    "(2 entries agree; worst first, at most 10 rows)")
                .stripTrailing());
  }

  @Test
  void theCorrectModel_passes_withTheAgreementLine() {
    GradientCheckResult result = Gradients.check(OneHiddenUnit.correct(), OneHiddenUnit.aCase());

    assertThat(result.passed()).isTrue();
    assertThat(result.report())
        .isEqualTo(
            lines(
                    "Analytic gradient agrees with finite differences for all 3 entries",
                    "model     : one hidden unit, squared error",
                    "shape     : batch=1 in=2 hidden=1 out=1",
                    "loss      : 2.0",
                    "scheme    : central difference, step 6.1e-06 * max(1, |theta|)",
                    "tolerance : |analytic - numeric| <= 1.0e-08 + 1.0e-06 * |numeric| + rounding"
                        + " (at most 1.2e-09 here)",
                    "policy    : default (a mismatch fails only if it persists at a nearby generic"
                        + " point)")
                .stripTrailing());
    assertThat(result).hasToString(result.report());
  }

  @Test
  void theHandWorkedGradient_isWhatTheCheckComputes() {
    // Guards the golden text above: its numbers are the hand-derived ones, not just the output.
    GradientCheckResult result = Gradients.check(OneHiddenUnit.correct(), OneHiddenUnit.aCase());

    assertThat(result.loss()).isEqualTo(2.0);
    assertThat(result.analytic("w1")).containsExactly(4.0, 8.0);
    assertThat(result.analytic("w2")).containsExactly(3.0);
    assertThat(result.numeric("w2")[0])
        .isCloseTo(3.0, org.assertj.core.api.Assertions.within(1e-9));
  }

  @Test
  void theError_isAnOpentest4jAssertionFailure_carryingTheResult() {
    GradientMismatchError error =
        catchThrowableOfType(
            GradientMismatchError.class,
            () ->
                Gradients.assertCorrect(
                    OneHiddenUnit.forgettingTheActivation(), OneHiddenUnit.aCase()));

    assertThat(error).isInstanceOf(AssertionFailedError.class);
    assertThat(error.result().failures())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.tensor()).isEqualTo("w2");
              assertThat(e.analytic()).isEqualTo(2.0);
              assertThat(e.relativeError())
                  .isCloseTo(1.0 / 3, org.assertj.core.api.Assertions.within(1e-9));
            });
    assertThat(error.getMessage()).isEqualTo(error.result().report());
  }
}
