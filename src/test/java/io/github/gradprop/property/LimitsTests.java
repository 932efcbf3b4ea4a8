package io.github.gradprop.property;

import static io.github.gradprop.property.PropertyFixtures.assertPasses;
import static io.github.gradprop.property.PropertyFixtures.failures;
import static io.github.gradprop.property.PropertyFixtures.onlyFailure;
import static io.github.gradprop.property.PropertyFixtures.reportEntries;
import static io.github.gradprop.property.PropertyFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.gradprop.ModelConfigurationException;
import io.github.gradprop.PropertyConfigurationException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * Time limits, the cost bound, errors of the JVM in user code, and progress lines, end to end: the
 * fixtures in {@link LimitsTestCases} run through the Jupiter engine with tiny limits.
 */
class LimitsTests {

  private static Throwable failureOf(Class<?> fixture) {
    return onlyFailure(run(fixture, Map.of()));
  }

  @Test
  void aLossThatNeverReturns_failsAtItsCallLimit_namingTheCallTheMovedEntryTheSeedAndTheTime() {
    long start = System.nanoTime();
    Throwable failure = failureOf(LimitsTestCases.HangsWithAnEntryMoved.class);
    long tookMillis = (System.nanoTime() - start) / 1_000_000;
    assertThat(failure)
        .isInstanceOf(ModelConfigurationException.class)
        .hasMessageStartingWith(
            "Model `hanging tanh mlp` did not return from loss(...) with w1[0, 0] moved from ")
        .hasMessageContaining(
            "within its time limit (`callMillis` = 200 ms): it had run for at least 0.")
        .hasMessageContaining("gradprop interrupted the thread running the model and abandoned it")
        .hasMessageContaining("raise `callMillis` (or -Dgradprop.callMillis=...)")
        .hasMessageContaining("shape : batch=")
        .hasMessageContaining("case  : generated, try 1")
        .hasMessageContaining("seed  : 7")
        .hasMessageContaining("-Dgradprop.seed=7");
    // the fixture waits forever: only the limit can end it (generous bound for a loaded machine)
    assertThat(tookMillis).isLessThan(30_000);
  }

  @Test
  void aLossThatIgnoresTheInterrupt_isAbandoned_andTheTestEndsAtItsLimit() {
    Throwable failure = failureOf(LimitsTestCases.SpinsPastTheLimit.class);
    assertThat(failure)
        .isInstanceOf(ModelConfigurationException.class)
        .hasMessageStartingWith(
            "Model `spinning tanh mlp` did not return from loss(...) at the generated case within"
                + " its time limit (`callMillis` = 200 ms)");
  }

  @Test
  void aGradientThatNeverReturns_failsAtItsCallLimit_namingTheGradientCall() {
    assertThat(failureOf(LimitsTestCases.HangsInGradient.class))
        .isInstanceOf(ModelConfigurationException.class)
        .hasMessageStartingWith(
            "Model `tanh mlp, hanging gradient` did not return from gradient(...) at the generated"
                + " case within its time limit (`callMillis` = 200 ms)")
        .hasMessageContaining("case  : generated, try 1");
  }

  @Test
  void aPropertyPastItsOwnLimit_fails_namingTheLimitTheTriesDoneAndTheReplay() {
    assertThat(failureOf(LimitsTestCases.SlowerThanThePropertyLimit.class))
        .isInstanceOf(PropertyConfigurationException.class)
        .hasMessageStartingWith(
            "@GradientProperty check of model `slow tanh mlp` ran past its time limit"
                + " (`propertyMillis` = 300 ms): ")
        .hasMessageContaining(" of 100 tries done in ")
        .hasMessageContaining("then at generated, try ")
        .hasMessageContaining("raise `propertyMillis`")
        .hasMessageContaining("replay: @GradientProperty(seed = ");
  }

  @Test
  void aCorrectModel_passesUnderTightLimits() {
    assertPasses(run(LimitsTestCases.CorrectUnderTightLimits.class, Map.of()));
  }

  @Test
  void anOutOfMemoryErrorInTheLoss_isReportedLikeAnyException_withModelCallDimsSeedAndReplay() {
    Throwable failure = failureOf(LimitsTestCases.OutOfMemoryInLoss.class);
    assertThat(failure)
        .isInstanceOf(ModelConfigurationException.class)
        .hasMessageStartingWith(
            "Model `tanh mlp, out of memory` threw from loss(...) at the generated case:"
                + " java.lang.OutOfMemoryError: Java heap space")
        .hasMessageContaining("shape : batch=")
        .hasMessageContaining("case  : generated, try 1")
        .hasMessageContaining("replay: @GradientProperty(seed = ")
        .hasCauseInstanceOf(OutOfMemoryError.class);
  }

  @Test
  void anArrayBeyondTheVmLimitInTheGradient_isReportedLikeAnyException() {
    assertThat(failureOf(LimitsTestCases.BeyondTheVmArrayLimitInGradient.class))
        .isInstanceOf(ModelConfigurationException.class)
        .hasMessageStartingWith(
            "Model `tanh mlp, array too large` threw from gradient(...) at the generated case:"
                + " java.lang.OutOfMemoryError: Requested array size exceeds VM limit")
        .hasMessageContaining("case  : generated, try 1");
  }

  @Test
  void aStackOverflowInTheLoss_isReportedLikeAnyException_notRaw() {
    assertThat(failureOf(LimitsTestCases.StackOverflowInLoss.class))
        .isInstanceOf(ModelConfigurationException.class)
        .hasMessageStartingWith(
            "Model `tanh mlp, endless recursion` threw from loss(...) at the generated case:"
                + " java.lang.StackOverflowError")
        .hasMessageContaining("shape : batch=")
        .hasMessageContaining("seed  : ")
        .hasMessageContaining("replay: @GradientProperty(seed = ")
        .hasCauseInstanceOf(StackOverflowError.class);
  }

  @Test
  void hangOutOfMemoryAndStackOverflow_nextToACorrectProperty_leaveItsResultIntact() {
    EngineExecutionResults results = run(LimitsTestCases.MisbehavingNextToCorrect.class, Map.of());
    assertThat(results.testEvents().succeeded().count()).isEqualTo(1);
    List<String> messages =
        failures(results).stream().map(Throwable::getMessage).collect(Collectors.toList());
    assertThat(messages).hasSize(3);
    assertThat(messages)
        .anyMatch(m -> m.contains("did not return from loss(...) with w1[0, 0] moved"))
        .anyMatch(m -> m.contains("java.lang.StackOverflowError"))
        .anyMatch(m -> m.contains("java.lang.OutOfMemoryError: Java heap space"));
  }

  @Test
  void aMillionParameters_failFast_statingTheCostAndHowToNarrowTheDims() {
    long start = System.nanoTime();
    Throwable failure = failureOf(LimitsTestCases.AMillionParameters.class);
    long tookMillis = (System.nanoTime() - start) / 1_000_000;
    assertThat(failure)
        .isInstanceOf(PropertyConfigurationException.class)
        .hasMessage(
            "Model `wide linear` is too large to check at batch=4 in=1000 hidden=1000 (the largest"
                + " dims): 1,000,000 parameter entries, so one check needs about 2,000,002 loss"
                + " calls, over the bound `maxLossCalls` = 100,000.%n"
                + "Narrow `dims` (gradient bugs show at a few units per dimension, e.g. dims ="
                + " {\"hidden = 1..4\"}), let cases of this size run along random directions"
                + " (`directionalAbove`, now 2,147,483,647: about 13 loss calls a try), or raise"
                + " `maxLossCalls` (now 100,000; or -Dgradprop.maxLossCalls=...).",
            new Object[0]);
    assertThat(tookMillis).isLessThan(30_000);
  }

  @Test
  void aMillionParameters_alongDirections_fitTheBound_andPass() {
    // seeds fixed: a million-term sum is the loss whose rounding once passed for a disagreement
    for (String seed : new String[] {"1", "26308890"}) {
      assertPasses(
          run(
              LimitsTestCases.AMillionParametersAlongDirections.class,
              Map.of("gradprop.seed", seed)),
          "seed " + seed);
    }
  }

  @Test
  void aFewParameters_ofTheSameModel_pass() {
    assertPasses(run(LimitsTestCases.AFewParameters.class, Map.of()));
  }

  @Test
  void theCostBound_isAConfigurationParameter() {
    Throwable failure =
        onlyFailure(
            run(LimitsTestCases.AFewParameters.class, Map.of("gradprop.maxLossCalls", "5")));
    assertThat(failure)
        .isInstanceOf(PropertyConfigurationException.class)
        .hasMessageContaining("over the bound `maxLossCalls` = 5.");
  }

  @Test
  void aSlowProperty_reportsProgress_triesEntriesAndTimeLeft() {
    EngineExecutionResults results = run(LimitsTestCases.SlowWithProgress.class, Map.of());
    assertPasses(results);
    List<String> lines = progressLines(results);
    assertThat(lines).isNotEmpty();
    assertThat(lines.get(0))
        .matches(
            "\\[gradprop\\] LimitsTestCases\\$SlowWithProgress#slow: try \\d of 6, entries [\\d,]+"
                + " of [\\d,]+, [\\d.]+ s elapsed(, about [\\d.]+ s left)?");
  }

  @Test
  void progress_canBeTurnedOff() {
    EngineExecutionResults results =
        run(LimitsTestCases.SlowWithProgress.class, Map.of("gradprop.progress", "false"));
    assertPasses(results);
    assertThat(progressLines(results)).isEmpty();
  }

  @Test
  void aQuickProperty_printsNoProgress() {
    EngineExecutionResults results =
        assertPasses(
            run(LimitsTestCases.AFewParameters.class, Map.of("gradprop.progressMillis", "60000")));
    assertThat(progressLines(results)).isEmpty();
  }

  private static List<String> progressLines(EngineExecutionResults results) {
    return reportEntries(results).stream()
        .map(m -> m.get("gradprop.progress"))
        .filter(Objects::nonNull)
        .collect(Collectors.toList());
  }
}
