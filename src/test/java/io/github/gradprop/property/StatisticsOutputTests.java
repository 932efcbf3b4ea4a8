package io.github.gradprop.property;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gradprop.PropertyConfigurationException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * The statistics line on standard output, where Surefire keeps it per test case. Standard output is
 * shared, so these tests hold JUnit's {@code SYSTEM_OUT} lock and read only lines that name their
 * own fixture's property.
 */
@Execution(ExecutionMode.SAME_THREAD)
@ResourceLock(Resources.SYSTEM_OUT)
class StatisticsOutputTests {

  private static final String PREFIX = "[gradprop] sigmoidCrossEntropy: ";

  /** What {@code run} printed to standard output, as lines, and its results. */
  private static List<String> printed(Supplier<EngineExecutionResults> run) {
    PrintStream original = System.out;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream capture = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      System.setOut(capture);
      run.get();
    } finally {
      System.setOut(original);
    }
    return new String(bytes.toByteArray(), StandardCharsets.UTF_8)
        .lines()
        .filter(l -> l.startsWith(PREFIX))
        .toList();
  }

  private static EngineExecutionResults sigmoid(Map<String, String> config) {
    return PropertyFixtures.run(StatisticsTestCases.class, config);
  }

  @Test
  void passingProperty_printsOneStatisticsLine_andKeepsItsReportEntries() {
    EngineExecutionResults[] results = new EngineExecutionResults[1];
    List<String> lines =
        printed(() -> results[0] = sigmoid(Map.of("gradprop.seed", "5", "gradprop.tries", "20")));

    assertThat(lines).hasSize(1);
    assertThat(lines.get(0))
        .matches(
            "\\[gradprop\\] sigmoidCrossEntropy: 20 tries \\(\\d+ with edge values, \\d+ with kinks,"
                + " \\d+ kink artifacts?\\), largest relative error [0-9.e+-]+, [0-9,]+ loss calls,"
                + " \\d+\\.\\d s");
    Map<String, String> entries = PropertyFixtures.reportEntries(results[0]).get(0);
    assertThat(entries).containsEntry("gradprop.tries", "20");
    String calls =
        String.format(
            java.util.Locale.ROOT, "%,d", Long.parseLong(entries.get("gradprop.lossCalls")));
    assertThat(lines.get(0)).contains(calls + " loss calls");
  }

  @Test
  void statisticsFalse_printsNothing_butKeepsTheReportEntries() {
    EngineExecutionResults[] results = new EngineExecutionResults[1];
    List<String> lines =
        printed(
            () ->
                results[0] =
                    sigmoid(
                        Map.of(
                            "gradprop.seed", "5",
                            "gradprop.tries", "20",
                            "gradprop.statistics", "false")));

    assertThat(lines).isEmpty();
    assertThat(PropertyFixtures.reportEntries(results[0])).hasSize(1);
    results[0].testEvents().assertStatistics(s -> s.succeeded(1));
  }

  @Test
  void statisticsNotABoolean_isRejectedNamingTheParameter() {
    EngineExecutionResults[] results = new EngineExecutionResults[1];
    printed(() -> results[0] = sigmoid(Map.of("gradprop.statistics", "sometimes")));

    Throwable t = PropertyFixtures.onlyFailure(results[0]);
    assertThat(t).isInstanceOf(PropertyConfigurationException.class);
    assertThat(t.getMessage())
        .isEqualTo(
            "Configuration parameter `gradprop.statistics` must be true or false, but was"
                + " \"sometimes\".");
  }
}
