package io.github.gradprop.property;

import static io.github.gradprop.property.PropertyFixtures.assertPasses;
import static io.github.gradprop.property.PropertyFixtures.line;
import static io.github.gradprop.property.PropertyFixtures.onlyFailure;
import static io.github.gradprop.property.PropertyFixtures.reportEntries;
import static io.github.gradprop.property.PropertyFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.gradprop.GradientMismatchError;
import io.github.gradprop.PropertyConfigurationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * Properties over dims large enough for the directional check (above 2,000 parameters by default):
 * a large failure is cut in halves to the minimal case in few checks, the correct twin passes, and
 * a try that no direction could decide is drawn again when the full check is over {@code
 * maxLossCalls}, and checked entry by entry when it fits.
 */
class HalvingShrinkTests {

  private static final String MINIMAL = "batch=1 in=1 hidden=1 out=1";

  private static final Pattern SHRINKING =
      Pattern.compile("shrinking : \\d+ steps? from (.*) \\((\\d+) checks?\\)");

  /** The dims of the original case and the number of checks of a report's shrinking line. */
  private record Shrinking(Map<String, Integer> from, int checks) {
    static Shrinking of(String message) {
      Matcher m = SHRINKING.matcher(line(message, "shrinking"));
      assertThat(m.matches()).as(line(message, "shrinking")).isTrue();
      Map<String, Integer> dims = new LinkedHashMap<>();
      for (String d : m.group(1).split(" ")) {
        String[] kv = d.split("=");
        dims.put(kv[0], Integer.parseInt(kv[1]));
      }
      return new Shrinking(dims, Integer.parseInt(m.group(2)));
    }

    int parameters() {
      int hidden = from.get("hidden");
      return hidden * from.get("in") + from.get("out") * hidden;
    }

    /** One accepted single deletion, so one check, per index between the original and 1. */
    int singleDeletionsToMinimal() {
      return from.values().stream().mapToInt(v -> v - 1).sum();
    }
  }

  @Test
  void aMissingDerivative_foundAlongDirections_isCutInHalves_toTheMinimalCase_inFewChecks() {
    // seeds whose first try has more than 2,000 parameters (checked along directions)
    for (long seed : new long[] {7, 10, 11}) {
      Throwable failure =
          onlyFailure(run(HalvingShrinkTestCases.MissingDerivativeWideInputs.class, seed));
      String message = failure.getMessage();
      assertThat(failure).isInstanceOf(GradientMismatchError.class);
      assertThat(line(message, "found by")).contains("the directional check");
      assertThat(line(message, "shape")).as("seed %d", seed).endsWith(MINIMAL);
      Shrinking s = Shrinking.of(message);
      assertThat(s.parameters()).as("seed %d", seed).isGreaterThan(2_000);
      // e.g. seed 10: from batch=4 in=245 hidden=20 out=4, 3 + 244 + 19 + 3 = 269 single deletions
      assertThat(s.singleDeletionsToMinimal()).as("seed %d", seed).isGreaterThan(150);
      assertThat(s.checks())
          .as("seed %d: %s", seed, line(message, "shrinking"))
          .isLessThan(50)
          .isLessThan(s.singleDeletionsToMinimal() / 4);
    }
  }

  @Test
  void theCorrectTanhMlp_withTheSameDims_passes100Tries_onTheSeedsOfTheBugs() {
    Map<Class<?>, List<String>> seeds =
        Map.of(
            HalvingShrinkTestCases.CorrectWideInputs.class, List.of("7", "10", "11"),
            HalvingShrinkTestCases.CorrectWideHidden.class, List.of("4"));
    for (Map.Entry<Class<?>, List<String>> e : seeds.entrySet()) {
      for (String seed : e.getValue()) {
        String what = e.getKey().getSimpleName() + ", seed " + seed;
        EngineExecutionResults results =
            run(e.getKey(), Map.of("gradprop.seed", seed, "gradprop.tries", "100"));
        assertPasses(results, what);
        assertThat(reportEntries(results))
            .as(what)
            .anySatisfy(m -> assertThat(m).containsEntry("gradprop.tries", "100"));
      }
    }
  }

  @Test
  void aMissingDerivative_overHiddenUpTo300_isCutInHalves_inFewChecks() {
    long seed = 4;
    Throwable failure =
        onlyFailure(run(HalvingShrinkTestCases.MissingDerivativeWideHidden.class, seed));
    assertThat(line(failure.getMessage(), "shape")).endsWith(MINIMAL);
    Shrinking s = Shrinking.of(failure.getMessage());
    assertThat(s.parameters()).isGreaterThan(2_000);
    assertThat(s.checks()).as(line(failure.getMessage(), "shrinking")).isLessThan(100);
  }

  @Test
  void aCorrectModel_tooLargeForTheFullCheck_passesAlongDirections() {
    EngineExecutionResults results =
        run(HalvingShrinkTestCases.CorrectTooLargeForTheFullCheck.class, 1);
    assertPasses(results);
    // two directions per try, each one "entry"; entry by entry would be 60,000 per try
    assertThat(reportEntries(results))
        .anySatisfy(e -> assertThat(e).containsEntry("gradprop.entriesChecked", "6"));
  }

  @Test
  void aMissingDerivative_tooLargeForTheFullCheck_isReportedFromTheDirectionalCheck() {
    Throwable failure =
        onlyFailure(
            run(
                HalvingShrinkTestCases.MissingDerivativeTooLargeForTheFullCheck.class,
                Map.of("gradprop.seed", "2", "gradprop.shrinkMillis", "500")));
    assertThat(failure).isInstanceOf(GradientMismatchError.class);
    assertThat(line(failure.getMessage(), "found by")).contains("the directional check");
    assertThat(line(failure.getMessage(), "shape")).contains("in=300 hidden=200");
  }

  @Test
  void aMissingDerivative_tooLargeForTheFullCheck_withTiedEdgeValues_shrinksWithinItsBudget() {
    Throwable failure =
        onlyFailure(
            run(
                HalvingShrinkTestCases.MissingDerivativeTooLargeForTheFullCheck.class,
                Map.of("gradprop.seed", "1", "gradprop.shrinkMillis", "500")));
    assertThat(failure).isInstanceOf(GradientMismatchError.class);
    // reported (no heap exhaustion), and the shrinking line says the 500 ms budget stopped it
    assertThat(line(failure.getMessage(), "shape")).contains("in=300 hidden=200");
    assertThat(line(failure.getMessage(), "shrinking")).contains("stopped by the 500 ms budget");
  }

  @Test
  void everyTryUndecidedAlongDirections_andTooLargeForTheFullCheck_isDrawnAgain_untilTheLimit() {
    Throwable failure =
        onlyFailure(run(HalvingShrinkTestCases.FineSawtoothTooLargeForTheFullCheck.class, 1));
    assertThat(failure).isInstanceOf(PropertyConfigurationException.class);
    // tries * MAX_REJECTIONS_PER_TRY = 30 drawn again, the 31st stops the property
    assertThat(failure.getMessage())
        .startsWith(
            "@GradientProperty drew 31 cases on which no random direction could be compared (every"
                + " direction met a kink inside its stencil) and accepted only 0 of 3 tries; these"
                + " cases are too large for the full check")
        .contains("under `maxLossCalls` = 100,000.")
        .contains("No verdict along random directions: all ")
        .contains("shape  : batch=")
        .contains("replay : @GradientProperty(seed = ")
        .contains(" in=300 hidden=200")
        .doesNotContain("LossPrecision.FLOAT");
  }

  @Test
  void undecidedTries_tooLargeForTheFullCheck_areCountedAsDrawnAgain_withoutTheFullCheck() {
    EngineExecutionResults results =
        run(HalvingShrinkTestCases.SawtoothTooLargeForTheFullCheck.class, 1);
    assertPasses(results);
    Map<String, String> stats =
        reportEntries(results).stream()
            .filter(e -> e.containsKey("gradprop.tries"))
            .findFirst()
            .orElseThrow();
    assertThat(Integer.parseInt(stats.get("gradprop.inconclusiveDrawn"))).isPositive();
    // one full check of 60,000 weights needs 120,002 loss calls
    assertThat(Long.parseLong(stats.get("gradprop.lossCalls"))).isLessThan(120_002);
  }

  @Test
  void undecidedTries_smallEnoughForTheFullCheck_areCheckedEntryByEntry() {
    EngineExecutionResults results =
        run(HalvingShrinkTestCases.SawtoothSmallEnoughForTheFullCheck.class, 1);
    assertPasses(results);
    Map<String, String> stats =
        reportEntries(results).stream()
            .filter(e -> e.containsKey("gradprop.tries"))
            .findFirst()
            .orElseThrow();
    assertThat(stats).doesNotContainKey("gradprop.inconclusiveDrawn");
    // 3 tries of 2,400 weights, every weight checked
    assertThat(stats).containsEntry("gradprop.entriesChecked", "7200");
    assertThat(Integer.parseInt(stats.get("gradprop.entriesAtKinks"))).isPositive();
  }
}
