package io.github.gradprop.internal.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gradprop.CheckOptions;
import io.github.gradprop.GradientCheckResult;
import io.github.gradprop.testmodels.PlantedError;
import io.github.gradprop.testmodels.ReferenceMlp;
import org.junit.jupiter.api.Test;

/**
 * The report of a directional outcome as a check result, which the property runner formats when the
 * shrunk case is too large for the full check.
 */
class DirectionalResultReportTests {

  private static final CheckOptions DEFAULTS = CheckOptions.defaults();

  @Test
  void anAgreeingOutcome_reportsItsDirectionsAsEntries() {
    GradientCheckResult r =
        DirectionalChecker.check(new ReferenceMlp(), ReferenceMlp.referenceCase(1), DEFAULTS, 1)
            .asResult(DEFAULTS);
    assertThat(r.passed()).isTrue();
    assertThat(r.report())
        .startsWith(
            "Analytic gradient agrees with finite differences for all "
                + DirectionalChecker.DIRECTIONS
                + " entries");
  }

  @Test
  void aDisagreeingOutcome_reportsTheTensorThatDisagrees() {
    PlantedError planted = new PlantedError(new ReferenceMlp(), "w2", 0, 1.0);
    GradientCheckResult r =
        DirectionalChecker.check(planted, ReferenceMlp.referenceCase(1), DEFAULTS, 1)
            .asResult(DEFAULTS);
    assertThat(r.passed()).isFalse();
    assertThat(r.report()).startsWith("Analytic gradient disagrees").contains("w2");
  }
}
