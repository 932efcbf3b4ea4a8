package io.github.gradprop.property;

import io.github.gradprop.GradientCheck;
import io.github.gradprop.GradientProperty;
import io.github.gradprop.TargetKind;
import io.github.gradprop.testmodels.zoo.HardNumerics;
import io.github.gradprop.testmodels.zoo.HardNumerics.Kind;
import io.github.gradprop.testmodels.zoo.LargeLogits;

/**
 * Fixtures for {@link HardZooTests}: numerically hard correct models and their buggy twins, under
 * the defaults.
 */
class HardZooTestCases {

  static class LargeLogitsCrossEntropy {
    @GradientProperty(targets = TargetKind.ONE_HOT)
    void correct(GradientCheck check) {
      check.that(new LargeLogits(30, true));
    }

    @GradientProperty(targets = TargetKind.ONE_HOT)
    void buggy(GradientCheck check) {
      check.that(new LargeLogits(30, false));
    }
  }

  static class LossNearOneMillion {
    @GradientProperty(targets = TargetKind.REAL)
    void correct(GradientCheck check) {
      check.that(new HardNumerics(Kind.LOSS_NEAR_1E6, true));
    }

    @GradientProperty(targets = TargetKind.REAL)
    void buggy(GradientCheck check) {
      check.that(new HardNumerics(Kind.LOSS_NEAR_1E6, false));
    }
  }

  static class WideGradients {
    @GradientProperty(targets = TargetKind.REAL)
    void correct(GradientCheck check) {
      check.that(new HardNumerics(Kind.WIDE_GRADIENTS, true));
    }

    @GradientProperty(targets = TargetKind.REAL)
    void buggy(GradientCheck check) {
      check.that(new HardNumerics(Kind.WIDE_GRADIENTS, false));
    }
  }

  static class SaturatedTanh {
    @GradientProperty(targets = TargetKind.REAL)
    void correct(GradientCheck check) {
      check.that(new HardNumerics(Kind.SATURATED_TANH, true));
    }

    @GradientProperty(targets = TargetKind.REAL)
    void buggy(GradientCheck check) {
      check.that(new HardNumerics(Kind.SATURATED_TANH, false));
    }
  }

  static class SmoothL1SmallBeta {
    @GradientProperty(targets = TargetKind.REAL)
    void correct(GradientCheck check) {
      check.that(new HardNumerics(Kind.SMOOTH_L1_SMALL_BETA, true));
    }

    @GradientProperty(targets = TargetKind.REAL)
    void buggy(GradientCheck check) {
      check.that(new HardNumerics(Kind.SMOOTH_L1_SMALL_BETA, false));
    }
  }
}
