package io.github.gradprop.property;

import io.github.gradprop.GradientCheck;
import io.github.gradprop.GradientProperty;
import io.github.gradprop.TargetKind;
import io.github.gradprop.testmodels.ReferenceMlp;
import io.github.gradprop.testmodels.TanhMlp;

/**
 * Fixtures run through EngineTestKit by {@link DirectionalPropertyTests}: each property twice, once
 * with every try checked along random directions ({@code directionalAbove = 0}) and once entry by
 * entry.
 */
class DirectionalTestCases {

  static class MissingDerivativeDirectional {
    @GradientProperty(targets = TargetKind.REAL, directionalAbove = 0)
    void missingDerivative(GradientCheck check) {
      check.that(new TanhMlp(TanhMlp.Bug.MISSING_DERIVATIVE));
    }
  }

  static class MissingDerivativeFull {
    @GradientProperty(targets = TargetKind.REAL, directionalAbove = Integer.MAX_VALUE)
    void missingDerivative(GradientCheck check) {
      check.that(new TanhMlp(TanhMlp.Bug.MISSING_DERIVATIVE));
    }
  }

  static class SwappedHiddenUnitsDirectional {
    @GradientProperty(
        targets = TargetKind.REAL,
        dims = {"hidden = 1..5"},
        directionalAbove = 0)
    void swappedHiddenUnits(GradientCheck check) {
      check.that(new TanhMlp(TanhMlp.Bug.SWAP_HIDDEN_0_AND_1));
    }
  }

  static class CorrectTanhDirectional {
    @GradientProperty(
        targets = TargetKind.REAL,
        dims = {"hidden = 1..6", "batch = 1..3"},
        directionalAbove = 0)
    void correct(GradientCheck check) {
      check.that(new TanhMlp(TanhMlp.Bug.NONE));
    }
  }

  static class CorrectTanhFull {
    @GradientProperty(
        targets = TargetKind.REAL,
        dims = {"hidden = 1..6", "batch = 1..3"},
        directionalAbove = Integer.MAX_VALUE)
    void correct(GradientCheck check) {
      check.that(new TanhMlp(TanhMlp.Bug.NONE));
    }
  }

  /** ReLU with the edge cases (exact zeros, ties) a property draws: kinks along directions. */
  static class CorrectReluDirectional {
    @GradientProperty(directionalAbove = 0, edgeCases = 0.5)
    void correct(GradientCheck check) {
      check.that(new ReferenceMlp());
    }
  }
}
