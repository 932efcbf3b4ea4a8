package io.github.gradprop.kinks;

import io.github.gradprop.GradientCheck;
import io.github.gradprop.GradientProperty;
import io.github.gradprop.TargetKind;

/** Fixture for {@link MaxPoolShrinkTests}: a pooled axis declared as {@code 2 * pool}. */
class MaxPoolShrinkTestCases {

  static class EveryTied {
    @GradientProperty(targets = TargetKind.REAL, edgeCases = 1.0, tries = 1000)
    void gradientToEveryTiedInput(GradientCheck check) {
      check.that(new MaxPoolNet(Routing.EVERY_TIED));
    }
  }

  static class FirstOfTies {
    @GradientProperty(targets = TargetKind.REAL, edgeCases = 1.0, tries = 1000)
    void gradientToTheFirstOfTiedInputs(GradientCheck check) {
      check.that(new MaxPoolNet(Routing.FIRST_OF_TIES));
    }
  }
}
