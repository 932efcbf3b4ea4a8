package io.github.gradprop.property;

import io.github.gradprop.GradientCheck;
import io.github.gradprop.GradientProperty;
import io.github.gradprop.TargetKind;
import io.github.gradprop.testmodels.SeedNetwork;
import io.github.gradprop.testmodels.SeedNetwork.Activation;
import io.github.gradprop.testmodels.SeedNetwork.Cost;

/** Fixtures run through EngineTestKit by {@link GradientPropertyTests}. */
class SeedNetworkTestCases {

  static class ReluCrossEntropy {
    @GradientProperty(targets = TargetKind.BINARY)
    void reluCrossEntropy(GradientCheck check) {
      check.that(SeedNetwork.model(Activation.RELU, Cost.CROSS_ENTROPY));
    }
  }

  static class SigmoidCrossEntropy {
    @GradientProperty(targets = TargetKind.BINARY)
    void sigmoidCrossEntropy(GradientCheck check) {
      check.that(SeedNetwork.model(Activation.SIGMOID, Cost.CROSS_ENTROPY));
    }
  }
}
