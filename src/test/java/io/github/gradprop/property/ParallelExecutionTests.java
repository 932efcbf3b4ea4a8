package io.github.gradprop.property;

import static io.github.gradprop.property.PropertyFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;

class ParallelExecutionTests {

  private static Map<String, String> outcomes(Map<String, String> config) {
    EngineExecutionResults results = run(SeedNetworkTestCases.WholeTable.class, config);
    Map<String, String> outcome = new TreeMap<>();
    for (Event e : results.testEvents().finished().list()) {
      String method =
          ((MethodSource) e.getTestDescriptor().getSource().orElseThrow()).getMethodName();
      TestExecutionResult r = e.getPayload(TestExecutionResult.class).orElseThrow();
      outcome.put(
          method,
          r.getThrowable()
              .map(t -> PropertyFixtures.withoutTiming(t.getMessage()))
              .orElse("passed"));
    }
    return outcome;
  }

  @Test
  void propertiesRunConcurrently_giveTheSameOutcomesAndReports_asRunOneByOne() {
    Map<String, String> sequential = outcomes(Map.of("gradprop.seed", "8"));
    Map<String, String> parallel = new HashMap<>();
    parallel.put("gradprop.seed", "8");
    parallel.put("junit.jupiter.execution.parallel.enabled", "true");
    parallel.put("junit.jupiter.execution.parallel.mode.default", "concurrent");
    parallel.put("junit.jupiter.execution.parallel.config.strategy", "fixed");
    parallel.put("junit.jupiter.execution.parallel.config.fixed.parallelism", "4");

    assertThat(sequential).hasSize(9);
    assertThat(sequential.values()).filteredOn(v -> !v.equals("passed")).hasSize(2);
    for (int round = 0; round < 3; round++) {
      assertThat(outcomes(parallel)).isEqualTo(sequential);
    }
  }
}
