package io.github.gradprop.property;

import static io.github.gradprop.property.PropertyFixtures.failures;
import static io.github.gradprop.property.PropertyFixtures.line;
import static io.github.gradprop.property.PropertyFixtures.onlyFailure;
import static io.github.gradprop.property.PropertyFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.gradprop.GradientMismatchError;
import io.github.gradprop.Verdict;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

class GradientPropertyTests {

  @Test
  void
      seedNetworkReluCrossEntropy_isFalsified_andShrinksToOneUnitEverywhere_onAtLeast19Of20Seeds() {
    int minimal = 0;
    StringBuilder others = new StringBuilder();
    for (long seed = 1; seed <= 20; seed++) {
      Throwable failure = onlyFailure(run(SeedNetworkTestCases.ReluCrossEntropy.class, seed));
      assertThat(failure).isInstanceOf(GradientMismatchError.class);
      GradientMismatchError error = (GradientMismatchError) failure;
      assertThat(error.result().failures()).isNotEmpty();
      assertThat(error.result().failures().get(0).verdict()).isEqualTo(Verdict.MISMATCH);
      if (line(error.getMessage(), "shape").endsWith("batch=1 in=1 hidden=1 out=1")) {
        minimal++;
      } else {
        others.append(seed).append(": ").append(line(error.getMessage(), "shape")).append('\n');
      }
    }
    assertThat(minimal)
        .as("seeds shrunk to batch=in=hidden=out=1; others:%n%s", others)
        .isGreaterThanOrEqualTo(19);
  }

  @Test
  void seedNetworkPassingCells_passEveryTry() {
    EngineExecutionResults results = run(SeedNetworkTestCases.PassingCells.class, 7);
    assertThat(failures(results)).isEmpty();
    results.testEvents().assertStatistics(s -> s.succeeded(SeedNetworkTestCases.PASSING_CELLS));
  }

  @Test
  void bugThatNeedsTwoHiddenUnits_shrinksToHiddenTwo_andEveryOtherDimToOne() {
    for (long seed = 1; seed <= 10; seed++) {
      Throwable failure = onlyFailure(run(TanhMlpTestCases.SwappedHiddenUnits.class, seed));
      assertThat(line(failure.getMessage(), "shape"))
          .as("seed %d", seed)
          .endsWith("batch=1 in=1 hidden=2 out=1");
    }
  }

  @Test
  void correctSmoothModel_passesEveryTry_andPublishesStatistics() {
    EngineExecutionResults results =
        run(TanhMlpTestCases.Correct.class, Map.of("gradprop.seed", "11", "gradprop.tries", "50"));
    assertThat(failures(results)).isEmpty();
    results.testEvents().assertStatistics(s -> s.succeeded(2).failed(0));
    Map<String, String> stats = PropertyFixtures.reportEntries(results).get(0);
    assertThat(stats)
        .containsEntry("gradprop.seed", "11")
        .containsEntry("gradprop.tries", "50")
        .containsKeys(
            "gradprop.entriesChecked",
            "gradprop.largestRelativeError",
            "gradprop.triesWithEdgeValues",
            "gradprop.triesWithTies");
    assertThat(Integer.parseInt(stats.get("gradprop.triesWithTies")))
        .as("tries built with ties on purpose, a share edgeCases = 0.2 of 50")
        .isBetween(2, 25);
  }

  @Test
  void missingDerivative_isFalsified_withTheShrunkCaseSeedAndReplayLines() {
    Throwable failure = onlyFailure(run(TanhMlpTestCases.MissingDerivative.class, 3));
    String message = failure.getMessage();
    assertThat(message.lines().findFirst().orElseThrow())
        .startsWith("Analytic gradient disagrees with finite differences for");
    assertThat(message)
        .contains("case (shrunk):")
        .contains("  w1      = {{")
        .contains(
            "replay    : @GradientProperty(seed = 3L), or mvn test -Dtest='TanhMlpTestCases$MissingDerivative#missingDerivative' -Dgradprop.seed=3");
    assertThat(line(message, "shape")).endsWith("batch=1 in=1 hidden=1 out=1");
  }

  @Test
  void sameSeed_givesTheSameReport_byteForByte_apartFromTiming() {
    String first = onlyFailure(run(TanhMlpTestCases.MissingDerivative.class, 99)).getMessage();
    String second = onlyFailure(run(TanhMlpTestCases.MissingDerivative.class, 99)).getMessage();
    assertThat(PropertyFixtures.withoutTiming(second))
        .isEqualTo(PropertyFixtures.withoutTiming(first));
    assertThat(first)
        .isNotEqualTo(onlyFailure(run(TanhMlpTestCases.MissingDerivative.class, 100)).getMessage());
  }

  @Test
  void printedSeed_reproducesTheFailure_asTheFirstTry() {
    String message = null;
    for (long seed = 1; seed <= 50 && message == null; seed++) {
      String m = onlyFailure(run(TanhMlpTestCases.RareBug.class, seed)).getMessage();
      if (!line(m, "seed").contains("try 1 of")) {
        message = m; // a run whose failure came on a later try, under a derived seed
      }
    }
    assertThat(message).as("a seed whose first try passes").isNotNull();
    String seedLine = line(message, "seed");
    long printed = Long.parseLong(seedLine.replaceAll("^seed\\s+:\\s+(-?\\d+),.*$", "$1"));
    String replayed = onlyFailure(run(TanhMlpTestCases.RareBug.class, printed)).getMessage();
    assertThat(line(replayed, "seed")).isEqualTo("seed      : " + printed + ", try 1 of 100");
    assertThat(line(replayed, "shape")).isEqualTo(line(message, "shape"));
  }

  @Test
  void shrinkingBudgetOfZero_isReported_andTheUnshrunkCaseIsShown() {
    Throwable failure =
        onlyFailure(
            run(
                TanhMlpTestCases.MissingDerivative.class,
                Map.of("gradprop.seed", "3", "gradprop.shrinkMillis", "0")));
    assertThat(line(failure.getMessage(), "shrinking"))
        .contains("stopped by the 0 ms budget (shrinkMillis), a smaller case may exist");
  }
}
