package io.github.gradprop.property;

import io.github.gradprop.GradientCheck;
import io.github.gradprop.GradientProperty;
import io.github.gradprop.TargetKind;
import io.github.gradprop.testmodels.SeedNetwork;
import io.github.gradprop.testmodels.SeedNetwork.Activation;
import io.github.gradprop.testmodels.SeedNetwork.Cost;

/** Fixture run through EngineTestKit by {@link StatisticsOutputTests}: one passing property. */
class StatisticsTestCases {

  @GradientProperty(targets = TargetKind.BINARY)
  void sigmoidCrossEntropy(GradientCheck check) {
    check.that(SeedNetwork.model(Activation.SIGMOID, Cost.CROSS_ENTROPY));
  }
}
