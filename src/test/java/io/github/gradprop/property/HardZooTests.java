package io.github.gradprop.property;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import io.github.gradprop.GradientMismatchError;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Numerically hard correct models (large logits, a loss near 1e6, gradients from 1e-6 to 1e3 in one
 * tensor, a saturated tanh, smooth-L1 with beta 1e-3) pass under the defaults, with no false alarm
 * (in particular no "computes in float"), and each buggy twin is caught as a mismatch.
 */
class HardZooTests {

  static final int SEEDS = 20;

  /** 100 in the build; {@code -Dgradprop.zoo.tries=1000} runs the full measurement. */
  static final String TRIES = System.getProperty("gradprop.zoo.tries", "100");

  static Stream<Class<?>> fixtures() {
    return Stream.of(
        HardZooTestCases.LargeLogitsCrossEntropy.class,
        HardZooTestCases.LossNearOneMillion.class,
        HardZooTestCases.WideGradients.class,
        HardZooTestCases.SaturatedTanh.class,
        HardZooTestCases.SmoothL1SmallBeta.class);
  }

  private static EngineExecutionResults run(Class<?> fixture, String method, long seed) {
    return EngineTestKit.engine("junit-jupiter")
        .selectors(selectMethod(fixture, method, "io.github.gradprop.GradientCheck"))
        .configurationParameter("gradprop.seed", String.valueOf(seed))
        .configurationParameter("gradprop.replay", "false")
        .configurationParameter("gradprop.tries", TRIES)
        .execute();
  }

  private static Throwable failure(EngineExecutionResults r) {
    return r.testEvents().failed().stream()
        .findFirst()
        .flatMap(e -> e.getPayload(TestExecutionResult.class).orElseThrow().getThrowable())
        .orElse(null);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void hardCorrectModel_passesOnTwentySeeds(Class<?> fixture) {
    for (long seed = 1; seed <= SEEDS; seed++) {
      EngineExecutionResults results = run(fixture, "correct", seed);
      Throwable t = failure(results);
      assertThat(t).as("seed %d: %s", seed, t == null ? "" : t.getMessage()).isNull();
      assertThat(PropertyFixtures.reportEntries(results).get(0))
          .containsEntry("gradprop.tries", TRIES);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void itsBuggyTwin_isCaughtAsAMismatch(Class<?> fixture) {
    for (long seed = 1; seed <= 5; seed++) {
      Throwable t = failure(run(fixture, "buggy", seed));
      assertThat(t).as("seed %d", seed).isInstanceOf(GradientMismatchError.class);
    }
  }
}
