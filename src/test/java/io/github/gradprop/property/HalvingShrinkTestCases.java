package io.github.gradprop.property;

import io.github.gradprop.GradientCheck;
import io.github.gradprop.GradientProperty;
import io.github.gradprop.TargetKind;
import io.github.gradprop.model.Batch;
import io.github.gradprop.model.GradientModel;
import io.github.gradprop.model.ModelSpec;
import io.github.gradprop.model.Models;
import io.github.gradprop.model.Parameters;
import io.github.gradprop.testmodels.TanhMlp;

/**
 * Fixtures run through EngineTestKit by {@link HalvingShrinkTests}: properties whose tries above
 * {@code directionalAbove} (2,000 parameters by default) are checked along directions, whose large
 * failures are cut in halves while shrinking, and whose tries too large for the full check are
 * drawn again when no direction could be compared.
 */
class HalvingShrinkTestCases {

  /** Up to 300 * 20 + 5 * 20 = 6,100 parameters; the largest dimension, in, is cut first. */
  static class MissingDerivativeWideInputs {
    @GradientProperty(
        targets = TargetKind.REAL,
        dims = {"in = 1..300", "hidden = 1..20", "out = 1..5"})
    void missingDerivative(GradientCheck check) {
      check.that(new TanhMlp(TanhMlp.Bug.MISSING_DERIVATIVE));
    }
  }

  static class CorrectWideInputs {
    @GradientProperty(
        targets = TargetKind.REAL,
        dims = {"in = 1..300", "hidden = 1..20", "out = 1..5"})
    void correct(GradientCheck check) {
      check.that(new TanhMlp(TanhMlp.Bug.NONE));
    }
  }

  /** Up to 20 * 300 + 5 * 300 = 7,500 parameters; the largest dimension, hidden, comes after in. */
  static class MissingDerivativeWideHidden {
    @GradientProperty(
        targets = TargetKind.REAL,
        dims = {"hidden = 1..300", "in = 1..20", "out = 1..5"})
    void missingDerivative(GradientCheck check) {
      check.that(new TanhMlp(TanhMlp.Bug.MISSING_DERIVATIVE));
    }
  }

  static class CorrectWideHidden {
    @GradientProperty(
        targets = TargetKind.REAL,
        dims = {"hidden = 1..300", "in = 1..20", "out = 1..5"})
    void correct(GradientCheck check) {
      check.that(new TanhMlp(TanhMlp.Bug.NONE));
    }
  }

  /**
   * Every case has 60,200 to 60,800 parameters: the full check (about 120,000 loss calls) is over
   * the default {@code maxLossCalls} of 100,000, so the shrunk case stays along directions.
   */
  static class MissingDerivativeTooLargeForTheFullCheck {
    @GradientProperty(
        targets = TargetKind.REAL,
        dims = {"hidden = 200", "in = 300", "out = 1..4"},
        tries = 3)
    void missingDerivative(GradientCheck check) {
      check.that(new TanhMlp(TanhMlp.Bug.MISSING_DERIVATIVE));
    }
  }

  /** The correct twin of {@link MissingDerivativeTooLargeForTheFullCheck}. */
  static class CorrectTooLargeForTheFullCheck {
    @GradientProperty(
        targets = TargetKind.REAL,
        dims = {"hidden = 200", "in = 300", "out = 1..4"},
        tries = 3)
    void correct(GradientCheck check) {
      check.that(new TanhMlp(TanhMlp.Bug.NONE));
    }
  }

  /**
   * A loss with a kink every {@code 1 / (2 teeth)} along every weight: the sum of triangle waves
   * {@code |teeth w - rint(teeth w)| / teeth}, slope {@code +-1} between kinks, where the gradient
   * is exact. A direction of signs moves each of {@code n} weights by up to {@code 2h}, {@code h}
   * about {@code 2^-10 / sqrt(n)}, so at 60,000 weights and 100 teeth the stencil of a direction
   * holds about 180 kinks (2,400 weights: about 29): every direction is at a kink. The nearby
   * generic point (weights moved by about {@code 1e-3} relative) is smooth only when the weights
   * sat on kinks before (grid values); with 1,000 teeth it is as kinked as the point itself.
   */
  static GradientModel sawtooth(int teeth) {
    ModelSpec spec =
        ModelSpec.named("sawtooth, " + teeth + " teeth")
            .inputs("batch", "in")
            .parameter("w", "hidden", "in")
            .targets("batch", "hidden");
    return Models.of(
        spec,
        (p, b) -> {
          double s = 0;
          for (double[] row : p.matrix("w")) {
            for (double v : row) {
              s += Math.abs(teeth * v - Math.rint(teeth * v)) / teeth;
            }
          }
          return s;
        },
        (Parameters p, Batch b, Parameters g) -> {
          double[][] w = p.matrix("w");
          double[][] gw = g.matrix("w");
          for (int i = 0; i < w.length; i++) {
            for (int j = 0; j < w[i].length; j++) {
              gw[i][j] = Math.signum(teeth * w[i][j] - Math.rint(teeth * w[i][j]));
            }
          }
        });
  }

  /** 60,000 weights, 1,000 teeth: every try is undecided along directions, also nearby. */
  static class FineSawtoothTooLargeForTheFullCheck {
    @GradientProperty(
        targets = TargetKind.REAL,
        dims = {"hidden = 200", "in = 300"},
        tries = 3)
    void sawtooth(GradientCheck check) {
      check.that(HalvingShrinkTestCases.sawtooth(1000));
    }
  }

  /** 60,000 weights, 100 teeth: undecided tries are drawn again, tries on grid values pass. */
  static class SawtoothTooLargeForTheFullCheck {
    @GradientProperty(
        targets = TargetKind.REAL,
        dims = {"hidden = 200", "in = 300"},
        tries = 3)
    void sawtooth(GradientCheck check) {
      check.that(HalvingShrinkTestCases.sawtooth(100));
    }
  }

  /** The same loss at 2,400 weights, where the full check fits the bound and runs instead. */
  static class SawtoothSmallEnoughForTheFullCheck {
    @GradientProperty(
        targets = TargetKind.REAL,
        dims = {"hidden = 8", "in = 300"},
        tries = 3)
    void sawtooth(GradientCheck check) {
      check.that(HalvingShrinkTestCases.sawtooth(100));
    }
  }
}
