package io.github.gradprop.internal.verdict;

/**
 * The rules of the per-entry classification, each a pure function of numbers; {@link
 * EntryClassifier} applies them to successive {@link io.github.gradprop.internal.numerics.Sample
 * samples} as the step shrinks. To change how a kink is told from a smooth point, change {@link
 * #isKink}.
 */
final class Rules {

  /** The factor by which each refinement shrinks the step. */
  static final double REFINE = 8;

  /**
   * One-sided slopes whose gap grows by at least this factor each time the step shrinks 8-fold,
   * twice in a row, without one side being orders of magnitude steeper (a clipped log), are noise,
   * not a kink: at a kink the gap settles, at a smooth point it shrinks, and a loss that merely
   * oscillates faster than the first step settles once the step is below its scale.
   */
  static final double NOISE_GROWTH = 4;

  /**
   * An analytic value within this share of the last change of the estimate (plus the tolerance)
   * agrees: a first-order sequence with ratio 8 is within {@code diff / 7} of its limit.
   */
  static final double FIRST_ORDER = 0.25;

  /** A gap that keeps this fraction of its value when the step shrinks 8-fold is a kink. */
  static final double KEEP = 0.5;

  /**
   * An agreeing entry is only looked at more closely if its gap exceeds this share of the slopes.
   */
  static final double SCREEN_SHARE = 1e-2;

  /** One-sided slopes are steep when they differ by this factor and exceed it times the loss. */
  static final double STEEP = 1e3;

  private Rules() {}

  /**
   * The smallest gap between one-sided slopes that counts as a jump: twice the tolerance at the
   * larger slope plus four times the rounding of the loss values ({@code noise}) over the step.
   */
  static double jumpFloor(
      double slopeMinus, double slopePlus, double step, double atol, double rtol, double noise) {
    return 2 * (atol + rtol * Math.max(Math.abs(slopeMinus), Math.abs(slopePlus)))
        + 4 * noise / step;
  }

  /**
   * Kink by gap scaling: a gap above the jump floor that keeps at least half of its previous value
   * when the step shrinks 8-fold (at a smooth point it would shrink 8-fold with the step).
   */
  static boolean isKink(double gap, double previousGap, double jumpFloor) {
    return gap > jumpFloor && gap >= KEEP * previousGap;
  }

  /** Noise: a gap above the jump floor that grew at least 4-fold as the step shrank 8-fold. */
  static boolean grewLikeNoise(double gap, double previousGap, double jumpFloor) {
    return gap > jumpFloor && gap >= NOISE_GROWTH * previousGap;
  }

  /** Two successive estimates that differ by at most the finer one's tolerance have settled. */
  static boolean settled(double change, double tolerance) {
    return change <= tolerance;
  }

  /**
   * First-order convergence: the estimates changed by at least a sixteenth of their previous change
   * (a smooth entry's changes shrink about 64-fold per 8-fold step, a first-order one's 8-fold).
   */
  static boolean convergesAtFirstOrder(double change, double previousChange) {
    return previousChange > 0 && 16 * change >= previousChange;
  }

  /**
   * Whether {@code analytic} is within the tolerance plus {@link #FIRST_ORDER} of the last change
   * of a first-order sequence whose latest estimate is {@code estimate}.
   */
  static boolean withinFirstOrderLimit(
      double analytic, double estimate, double tolerance, double change) {
    return Math.abs(analytic - estimate) <= tolerance + FIRST_ORDER * change;
  }

  /**
   * Steepness: one slope exceeds the other by {@link #STEEP} times, and exceeds {@link #STEEP}
   * times {@code max(1, |loss|)} ({@code lossScale}).
   */
  static boolean isSteep(double slopeMinus, double slopePlus, double lossScale) {
    double big = Math.max(Math.abs(slopeMinus), Math.abs(slopePlus));
    double small = Math.min(Math.abs(slopeMinus), Math.abs(slopePlus));
    return big >= STEEP * Math.max(small, lossScale);
  }

  /**
   * Whether a step below the usual floor is still worth it: the rounding of loss values of size
   * {@code size} at step {@code next} ({@code roundingFactor * eps * size / next}) stays at or
   * below a tenth of the allowed error, {@code max(atol, tolerance)} (only {@code atol} when the
   * tolerance is not finite).
   */
  static boolean quietBelowFloor(
      double roundingFactor, double eps, double size, double next, double atol, double tolerance) {
    double allowed = Double.isFinite(tolerance) ? Math.max(atol, tolerance) : atol;
    return roundingFactor * eps * size / next <= 0.1 * allowed;
  }
}
