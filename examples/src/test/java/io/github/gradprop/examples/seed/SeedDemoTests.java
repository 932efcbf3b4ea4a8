package io.github.gradprop.examples.seed;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gradprop.GradientCheckResult;
import io.github.gradprop.Gradients;
import org.junit.jupiter.api.Test;

class SeedDemoTests {

  @Test
  void demoCase_failsForReluCrossEntropy_andTheExplanationNamesTheShortcut() {
    GradientCheckResult result =
        Gradients.check(
            SeedNetwork.model(Activation.RELU, Cost.CROSS_ENTROPY), SeedDemo.counterexample());

    assertThat(result.passed()).isFalse();
    assertThat(SeedDemo.explanation(result)).contains("delta3 = y - Y");
  }

  @Test
  void demoCase_passesForSigmoidCrossEntropy() {
    GradientCheckResult result =
        Gradients.check(
            SeedNetwork.model(Activation.SIGMOID, Cost.CROSS_ENTROPY), SeedDemo.counterexample());

    assertThat(result.passed()).isTrue();
    assertThat(SeedDemo.explanation(result)).startsWith("The check passed");
  }
}
