package io.github.gradprop.property;

import io.github.gradprop.GradientCheck;
import io.github.gradprop.GradientProperty;
import io.github.gradprop.LossPrecision;
import io.github.gradprop.TargetKind;
import io.github.gradprop.testmodels.FloatLinearRegression;

/** Fixtures run through EngineTestKit by {@link FloatPrecisionTests}. */
class FloatPrecisionTestCases {

  static class Declared {
    @GradientProperty(targets = TargetKind.REAL, precision = LossPrecision.FLOAT)
    void declared(GradientCheck check) {
      check.that(new FloatLinearRegression(false));
    }
  }

  static class DeclaredButWrong {
    @GradientProperty(targets = TargetKind.REAL, precision = LossPrecision.FLOAT)
    void declaredButWrong(GradientCheck check) {
      check.that(new FloatLinearRegression(true));
    }
  }

  static class Forgotten {
    @GradientProperty(targets = TargetKind.REAL)
    void forgotten(GradientCheck check) {
      check.that(new FloatLinearRegression(false));
    }
  }
}
