package io.github.gradprop.property;

import io.github.gradprop.GradientCheck;
import io.github.gradprop.GradientProperty;
import io.github.gradprop.TargetKind;
import io.github.gradprop.testmodels.SeedNetwork;
import io.github.gradprop.testmodels.SeedNetwork.Activation;
import io.github.gradprop.testmodels.SeedNetwork.Cost;

/** Fixtures run through EngineTestKit by {@link HtmlReportTests}. */
class HtmlReportTestCases {

  static class PassingWithPage {
    @GradientProperty(targets = TargetKind.BINARY, tries = 5, reports = "all")
    void sigmoidCrossEntropy(GradientCheck check) {
      check.that(SeedNetwork.model(Activation.SIGMOID, Cost.CROSS_ENTROPY));
    }
  }

  static class UnknownReports {
    @GradientProperty(targets = TargetKind.BINARY, reports = "sometimes")
    void sigmoidCrossEntropy(GradientCheck check) {
      check.that(SeedNetwork.model(Activation.SIGMOID, Cost.CROSS_ENTROPY));
    }
  }
}
