package io.github.gradprop.property;

import io.github.gradprop.GradientCheck;
import io.github.gradprop.GradientProperty;
import io.github.gradprop.TargetKind;
import io.github.gradprop.testmodels.TanhMlp;
import org.junit.jupiter.api.Test;

/** Fixtures run through EngineTestKit by {@link GradientPropertyTests}. */
class TanhMlpTestCases {

  static class SwappedHiddenUnits {
    @GradientProperty(
        targets = TargetKind.REAL,
        dims = {"hidden = 1..5"})
    void swappedHiddenUnits(GradientCheck check) {
      check.that(new TanhMlp(TanhMlp.Bug.SWAP_HIDDEN_0_AND_1));
    }
  }

  static class Correct {
    @GradientProperty(
        targets = TargetKind.REAL,
        dims = {"hidden = 1..6", "batch = 1..3"})
    void correct(GradientCheck check) {
      check.that(new TanhMlp(TanhMlp.Bug.NONE));
    }

    @Test
    void aPlainTestBesideAProperty() {}
  }

  static class MissingDerivative {
    @GradientProperty(targets = TargetKind.REAL)
    void missingDerivative(GradientCheck check) {
      check.that(new TanhMlp(TanhMlp.Bug.MISSING_DERIVATIVE));
    }
  }

  /** Fails only when the case is big enough, so the first tries usually pass. */
  static class RareBug {
    @GradientProperty(
        targets = TargetKind.REAL,
        dims = {"hidden = 1..6"})
    void rareBug(GradientCheck check) {
      check.that(new TanhMlp(TanhMlp.Bug.SWAP_HIDDEN_0_AND_1));
    }
  }
}
