package io.github.gradprop.property;

import io.github.gradprop.GradientCheck;
import io.github.gradprop.GradientProperty;
import io.github.gradprop.TargetKind;
import io.github.gradprop.testmodels.SoftmaxShortcut;

/** Fixtures run through EngineTestKit by {@link TargetKindTests}. */
class TargetKindTestCases {

  static class DefaultShortcut {
    @GradientProperty
    void oneHotShortcut(GradientCheck check) {
      check.that(new SoftmaxShortcut(true));
    }
  }

  static class DefaultCorrect {
    @GradientProperty
    void correct(GradientCheck check) {
      check.that(new SoftmaxShortcut(false));
    }
  }

  static class PinnedOneHotShortcut {
    @GradientProperty(targets = TargetKind.ONE_HOT)
    void pinnedOneHot(GradientCheck check) {
      check.that(new SoftmaxShortcut(true));
    }
  }

  static class PinnedDistributionCorrect {
    @GradientProperty(targets = TargetKind.DISTRIBUTION)
    void pinnedDistribution(GradientCheck check) {
      check.that(new SoftmaxShortcut(false));
    }
  }
}
