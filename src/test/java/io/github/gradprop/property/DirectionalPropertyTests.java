package io.github.gradprop.property;

import static io.github.gradprop.property.PropertyFixtures.assertPasses;
import static io.github.gradprop.property.PropertyFixtures.line;
import static io.github.gradprop.property.PropertyFixtures.onlyFailure;
import static io.github.gradprop.property.PropertyFixtures.reportEntries;
import static io.github.gradprop.property.PropertyFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.gradprop.GradientMismatchError;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * Properties whose tries use the directional check: the failure is found along a direction, the
 * shrunk case gets the full check, and the report is the full mode's apart from the line that says
 * which mode found it.
 */
class DirectionalPropertyTests {

  /** The report without the lines that may differ between the modes. */
  private static String comparable(String message) {
    return message
        .lines()
        // the regression test and the page name the fixture class, which differs between the modes
        .takeWhile(l -> !l.startsWith("regression test"))
        .filter(l -> !l.startsWith("html "))
        .filter(l -> !l.startsWith("time "))
        .filter(l -> !l.startsWith("found by "))
        .filter(l -> !l.startsWith("original "))
        .filter(l -> !l.startsWith("shrinking "))
        .filter(l -> !l.startsWith("replay "))
        .collect(Collectors.joining("\n"));
  }

  @Test
  void aMissingDerivative_foundAlongADirection_reportsTheFullModesTableAndShrunkCase() {
    for (long seed = 1; seed <= 5; seed++) {
      Throwable directional =
          onlyFailure(run(DirectionalTestCases.MissingDerivativeDirectional.class, seed));
      Throwable full = onlyFailure(run(DirectionalTestCases.MissingDerivativeFull.class, seed));
      assertThat(directional).isInstanceOf(GradientMismatchError.class);
      assertThat(line(directional.getMessage(), "found by"))
          .contains("the directional check")
          .contains("The shrunk case was checked entry by entry.");
      assertThat(full.getMessage()).doesNotContain("found by");
      assertThat(comparable(directional.getMessage()))
          .as("seed %d", seed)
          .isEqualTo(comparable(full.getMessage()));
    }
  }

  @Test
  void swappedHiddenUnits_foundAlongADirection_shrinksToHiddenTwo() {
    for (long seed = 1; seed <= 5; seed++) {
      Throwable failure =
          onlyFailure(run(DirectionalTestCases.SwappedHiddenUnitsDirectional.class, seed));
      assertThat(line(failure.getMessage(), "shape"))
          .as("seed %d", seed)
          .endsWith("batch=1 in=1 hidden=2 out=1");
      assertThat(failure.getMessage()).contains("found by");
    }
  }

  @Test
  void theCorrectTanhMlp_passesEveryTryAlongDirections() {
    EngineExecutionResults results =
        run(
            DirectionalTestCases.CorrectTanhDirectional.class,
            Map.of("gradprop.seed", "11", "gradprop.tries", "100"));
    assertPasses(results);
    assertThat(reportEntries(results))
        .anySatisfy(e -> assertThat(e).containsEntry("gradprop.triesAlongDirections", "100"));
  }

  @Test
  void theSameProperty_entryByEntry_reportsNoTriesAlongDirections() {
    EngineExecutionResults results =
        run(
            DirectionalTestCases.CorrectTanhFull.class,
            Map.of("gradprop.seed", "11", "gradprop.tries", "20"));
    assertPasses(results);
    assertThat(reportEntries(results))
        .isNotEmpty()
        .allSatisfy(e -> assertThat(e).containsKey("gradprop.tries"))
        .allSatisfy(e -> assertThat(e).doesNotContainKey("gradprop.triesAlongDirections"));
  }

  @Test
  void theCorrectReluMlp_withEdgeCasesOnKinks_passesEveryTryAlongDirections() {
    for (long seed = 1; seed <= 3; seed++) {
      EngineExecutionResults results = run(DirectionalTestCases.CorrectReluDirectional.class, seed);
      assertPasses(results, "seed " + seed);
    }
  }
}
