package io.github.gradprop.property;

import io.github.gradprop.GradientCheck;
import io.github.gradprop.GradientProperty;
import io.github.gradprop.TargetKind;
import io.github.gradprop.testmodels.TanhMlp;

/** Fixtures run through EngineTestKit by {@link PropertyConfigurationTests}. */
class MisconfiguredTestCases {

  static class ZeroTries {
    @GradientProperty(tries = 0)
    void zeroTries(GradientCheck check) {
      check.that(new TanhMlp(TanhMlp.Bug.NONE));
    }
  }

  static class MinAboveMax {
    @GradientProperty(dims = "hidden = 5..2")
    void minAboveMax(GradientCheck check) {
      check.that(new TanhMlp(TanhMlp.Bug.NONE));
    }
  }

  static class UnknownDim {
    @GradientProperty(dims = "hiden = 1..3")
    void unknownDim(GradientCheck check) {
      check.that(new TanhMlp(TanhMlp.Bug.NONE));
    }
  }

  static class NegativeRtol {
    @GradientProperty(rtol = -2)
    void negativeRtol(GradientCheck check) {
      check.that(new TanhMlp(TanhMlp.Bug.NONE));
    }
  }

  static class NoParameter {
    @GradientProperty
    void noParameter() {}
  }

  static class NeverNamesAModel {
    @GradientProperty
    void neverNamesAModel(GradientCheck check) {}
  }

  static class TwoModels {
    @GradientProperty(targets = TargetKind.REAL)
    void twoModels(GradientCheck check) {
      check.that(new TanhMlp(TanhMlp.Bug.NONE));
      check.that(new TanhMlp(TanhMlp.Bug.MISSING_DERIVATIVE));
    }
  }

  static class ThrowingModel {
    @GradientProperty(targets = TargetKind.REAL)
    void throwingModel(GradientCheck check) {
      check.that(
          io.github.gradprop.model.Models.of(
              new TanhMlp(TanhMlp.Bug.NONE).spec(),
              (p, b) -> {
                throw new IllegalStateException("forward not implemented");
              },
              (p, b, g) -> {}));
    }
  }

  /** A loss that depends on the weights, with its gradient written as all zeros. */
  static io.github.gradprop.model.GradientModel zeroGradient() {
    TanhMlp correct = new TanhMlp(TanhMlp.Bug.NONE);
    return io.github.gradprop.model.Models.of(
        correct.spec().renamed("tanh mlp, zero gradient"), correct::loss, (p, b, g) -> {});
  }

  static class LooseTolerancesOnZeroGradient {
    @GradientProperty(targets = TargetKind.REAL, atol = 10, rtol = 10, tries = 20)
    void looseTolerances(GradientCheck check) {
      check.that(zeroGradient());
    }
  }

  static class DefaultTolerancesOnZeroGradient {
    @GradientProperty(targets = TargetKind.REAL, tries = 20)
    void defaultTolerances(GradientCheck check) {
      check.that(zeroGradient());
    }
  }

  static class DefaultTolerancesOnCorrectGradient {
    @GradientProperty(targets = TargetKind.REAL, tries = 20)
    void defaultTolerances(GradientCheck check) {
      check.that(new TanhMlp(TanhMlp.Bug.NONE));
    }
  }

  static class SeedZeroPinned {
    @GradientProperty(targets = TargetKind.REAL, seed = 0, tries = 5)
    void seedZero(GradientCheck check) {
      check.that(new TanhMlp(TanhMlp.Bug.MISSING_DERIVATIVE));
    }
  }

  static class ShortFlatGradient {
    @GradientProperty(targets = TargetKind.REAL)
    void shortFlatGradient(GradientCheck check) {
      check.that(
          io.github.gradprop.model.Models.flat(
              io.github.gradprop.model.ModelSpec.named("short flat")
                  .inputs("batch", "in")
                  .parameter("w", "in")
                  .targets("batch", "out"),
              (w, x, y) -> 0,
              (w, x, y) -> new double[w.length - 1]));
    }
  }
}
