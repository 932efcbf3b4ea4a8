package io.github.gradprop.property;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;

class GradientPropertyTests {

  @Test
  void scratch() {
    for (long seed = 1; seed <= 20; seed++) {
      var results =
          EngineTestKit.engine("junit-jupiter")
              .selectors(selectClass(SeedNetworkTestCases.ReluCrossEntropy.class))
              .configurationParameter("gradprop.seed", String.valueOf(seed))
              .configurationParameter("gradprop.replay", "false")
              .execute();
      results
          .testEvents()
          .failed()
          .stream()
          .forEach(
              e ->
                  System.out.println(
                      e.getPayload(org.junit.platform.engine.TestExecutionResult.class)
                          .get()
                          .getThrowable()
                          .get()
                          .getMessage() + "\n=========="));
    }
  }
}
