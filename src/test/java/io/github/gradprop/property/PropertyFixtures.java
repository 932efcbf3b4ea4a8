package io.github.gradprop.property;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** Runs fixture classes through the Jupiter engine and reads what users would see. */
final class PropertyFixtures {

  private PropertyFixtures() {}

  static EngineExecutionResults run(Class<?> fixture, Map<String, String> config) {
    EngineTestKit.Builder builder =
        EngineTestKit.engine("junit-jupiter")
            .selectors(selectClass(fixture))
            .configurationParameter("gradprop.replay", "false");
    for (Map.Entry<String, String> e : config.entrySet()) {
      builder = builder.configurationParameter(e.getKey(), e.getValue());
    }
    return builder.execute();
  }

  static EngineExecutionResults run(Class<?> fixture, long seed) {
    return run(fixture, Map.of("gradprop.seed", String.valueOf(seed)));
  }

  static List<Throwable> failures(EngineExecutionResults results) {
    return results.testEvents().failed().stream()
        .map(
            e -> e.getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow())
        .collect(Collectors.toList());
  }

  /**
   * Asserts that the fixture's properties ran and all passed: no failure, and at least one test
   * succeeded (an empty or crashed run has no failures either).
   */
  static EngineExecutionResults assertPasses(EngineExecutionResults results) {
    return assertPasses(results, "");
  }

  /** Like {@link #assertPasses(EngineExecutionResults)}, saying {@code what} on a failure. */
  static EngineExecutionResults assertPasses(EngineExecutionResults results, String what) {
    org.assertj.core.api.Assertions.assertThat(failures(results)).as(what).isEmpty();
    org.assertj.core.api.Assertions.assertThat(results.testEvents().succeeded().count())
        .as("%s: properties that ran and passed", what)
        .isPositive();
    return results;
  }

  /** The message of the one failing test. */
  static Throwable onlyFailure(EngineExecutionResults results) {
    List<Throwable> failures = failures(results);
    if (failures.size() != 1) {
      throw new AssertionError("expected exactly one failing test, got " + failures);
    }
    return failures.get(0);
  }

  static List<Map<String, String>> reportEntries(EngineExecutionResults results) {
    return results.allEvents().reportingEntryPublished().stream()
        .map(Event::getPayload)
        .map(p -> ((ReportEntry) p.orElseThrow()).getKeyValuePairs())
        .collect(Collectors.toList());
  }

  /** The message without its one timing line, for byte-for-byte comparisons. */
  static String withoutTiming(String message) {
    return message.lines().filter(l -> !l.startsWith("time ")).collect(Collectors.joining("\n"));
  }

  static String line(String message, String key) {
    return message
        .lines()
        .filter(l -> l.startsWith(key + " ") || l.startsWith(key + ":"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no line `" + key + "` in:\n" + message));
  }
}
