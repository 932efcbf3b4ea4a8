package io.github.gradprop.examples.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.gradprop.GradientMismatchError;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

class SeedTablePropertiesTests {

  private static Map<String, Throwable> failuresByMethod(long seed) {
    EngineExecutionResults results =
        EngineTestKit.engine("junit-jupiter")
            .selectors(selectClass(SeedTableProperties.class))
            .configurationParameter("gradprop.seed", String.valueOf(seed))
            .configurationParameter("gradprop.replay", "false")
            .execute();
    results.testEvents().assertStatistics(s -> s.started(9).finished(9));
    Map<String, Throwable> failures = new TreeMap<>();
    for (Event e : results.testEvents().failed().list()) {
      String method = ((MethodSource) e.getTestDescriptor().getSource().orElseThrow()).getMethodName();
      failures.put(method, e.getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow());
    }
    return failures;
  }

  @Test
  void onlyTheCrossEntropyCellsOfTanhAndRelu_fail_theOtherSevenPass() {
    for (long seed : new long[] {1, 42}) {
      Map<String, Throwable> failures = failuresByMethod(seed);
      assertThat(failures).as("seed %d", seed).containsOnlyKeys("reluCrossEntropy", "tanhCrossEntropy");
      assertThat(failures.values()).allSatisfy(t -> assertThat(t).isInstanceOf(GradientMismatchError.class));
    }
  }

  @Test
  void reluCrossEntropy_shrinksToOneUnitInEveryDimension() {
    String message = failuresByMethod(42).get("reluCrossEntropy").getMessage();
    assertThat(message).contains("shape     : batch=1 in=1 hidden=1 out=1").contains("case (shrunk):");
  }

  @Test
  void demo_printsTheShrunkCounterexample() {
    String failure = SeedDemo.runReluCrossEntropy("42");
    assertThat(failure)
        .startsWith("Analytic gradient disagrees with finite differences")
        .contains("model     : seed network: relu, cross-entropy")
        .contains("replay    : @GradientProperty(seed = ");
    assertThat(SeedDemo.explanation()).contains("delta3 = y - Y");
  }
}
