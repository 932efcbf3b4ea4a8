package io.github.gradprop.kinks;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gradprop.CheckOptions;
import io.github.gradprop.EntryCheck;
import io.github.gradprop.GradientCheckResult;
import io.github.gradprop.Gradients;
import io.github.gradprop.KinkPolicy;
import io.github.gradprop.Verdict;
import io.github.gradprop.kinks.KinkCases.Values;
import io.github.gradprop.model.Case;
import java.util.stream.Stream;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The same models with a bug that lives on an open set (wrong mask, wrong slope, missing term):
 * still detected on kink-biased and grid-valued cases, and reported as confirmed mismatches.
 */
class BuggyTwinsTests {

  static Stream<KinkModels.Entry> models() {
    return KinkModels.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void buggyTwin_isDetected_onKinkBiasedAndGridCases_asConfirmedMismatches(
      KinkModels.Entry model, TestReporter reporter) {
    Tally kinky = Tally.run(model.buggy(), model, Values.KINKY, 400, 12, CheckOptions.defaults());
    Tally grid = Tally.run(model.buggy(), model, Values.GRID, 400, 13, CheckOptions.defaults());
    reporter.publishEntry(model.name() + " (" + model.bug() + "), kinky", kinky.toString());
    reporter.publishEntry(model.name() + " (" + model.bug() + "), grid", grid.toString());

    assertThat(kinky.failures).isGreaterThan(kinky.tries / 10);
    assertThat(grid.failures).isGreaterThan(grid.tries / 20);
    assertThat(kinky.confirmedFailures).isGreaterThan(kinky.failures * 9 / 10);
    assertThat(grid.confirmedFailures).isGreaterThan(grid.failures * 9 / 10);
    for (GradientCheckResult r : grid.failed) {
      assertEveryMismatchIsConfirmed(r);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void buggyTwin_onAGridCaseFullOfZerosAndOnes_failsWithAMismatchThatPersistsNearby(
      KinkModels.Entry model) {
    for (long seed = 0; seed < 200; seed++) {
      Case c = KinkCases.draw(model.buggy().spec(), model.targets(), Values.GRID, null, seed);
      GradientCheckResult r = Gradients.check(model.buggy(), c);
      if (r.confirmed() && (r.hasKinks() || r.refinedCount() > 0)) {
        assertEveryMismatchIsConfirmed(r);
        assertThat(r.report())
            .contains("confirmed : ")
            .contains("persist")
            .contains("at a nearby generic point");
        assertThat(Gradients.check(model.correct(), c).passed()).isTrue();
        return;
      }
    }
    throw new AssertionError("no grid case with kinks showed the bug of " + model);
  }

  private static void assertEveryMismatchIsConfirmed(GradientCheckResult r) {
    assertThat(r.kinkPolicy()).isEqualTo(KinkPolicy.CONFIRM);
    long mismatches = r.failures().stream().filter(e -> e.verdict() == Verdict.MISMATCH).count();
    assertThat(r.confirmations()).hasSize((int) mismatches);
    for (EntryCheck there : r.confirmations()) {
      assertThat(there.verdict()).isEqualTo(Verdict.MISMATCH);
      assertThat(there.absoluteError()).isGreaterThan(there.tolerance());
    }
  }
}
