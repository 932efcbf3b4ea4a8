package io.github.gradprop.property;

import io.github.gradprop.GradientCheck;
import io.github.gradprop.GradientProperty;
import io.github.gradprop.TargetKind;
import io.github.gradprop.testmodels.MaskedMean;

/** Fixtures run through EngineTestKit by {@link DataTensorTests}. */
class DataTensorTestCases {

  static class Correct {
    @GradientProperty(targets = TargetKind.REAL, dims = "out = 1")
    void correct(GradientCheck check) {
      check.that(new MaskedMean(false));
    }
  }

  static class ForgetsMask {
    @GradientProperty(targets = TargetKind.REAL, dims = "out = 1")
    void forgetsMask(GradientCheck check) {
      check.that(new MaskedMean(true));
    }
  }
}
