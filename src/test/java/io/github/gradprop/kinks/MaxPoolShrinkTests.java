package io.github.gradprop.kinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;

class MaxPoolShrinkTests {

  @Test
  void aTieBugInPooledPairs_shrinksToOnePool() {
    for (long seed = 1; seed <= 5; seed++) {
      String message =
          EngineTestKit.engine("junit-jupiter")
              .selectors(selectClass(MaxPoolShrinkTestCases.class))
              .configurationParameter("gradprop.seed", String.valueOf(seed))
              .configurationParameter("gradprop.replay", "false")
              .execute()
              .testEvents()
              .failed()
              .stream()
              .findFirst()
              .orElseThrow(() -> new AssertionError("the tie bug was not found"))
              .getPayload(TestExecutionResult.class)
              .orElseThrow()
              .getThrowable()
              .orElseThrow()
              .getMessage();
      System.out.println(
          message.lines().filter(l -> l.startsWith("shape") || l.contains("KINK")).toList());
      assertThat(message).contains("KINK_MISMATCH");
    }
  }
}
