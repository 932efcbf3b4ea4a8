package io.github.gradprop.internal.verdict;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * What the classification found for one entry (or one direction); immutable.
 *
 * @param kind what the loss looks like along the entry
 * @param analytic the analytic derivative it was compared with
 * @param numeric the estimate to show: the one the verdict used for a smooth entry, the scheme's
 *     estimate at the first finite step for a kink, the finest estimate for an unresolved entry
 * @param tolerance the tolerance that goes with {@code numeric}
 * @param rounding the rounding allowance at the first step
 * @param agrees for a smooth entry, whether the analytic value agrees; for a kink, whether it
 *     agrees with the scheme's estimate at the first step (what a classic checker would test)
 * @param slopeMinus the one-sided derivative from the left at the finest step looked at
 * @param slopePlus the one-sided derivative from the right at the finest step looked at
 * @param low the lower end of the estimates and slopes seen (NaN if none)
 * @param high the upper end of the estimates and slopes seen (NaN if none)
 * @param bracketTolerance the allowance around {@code [low, high]}
 * @param steep the steep pair of slopes, or null
 * @param nonFiniteNearby where the loss was first seen not finite near the entry, or null
 * @param noise the gaps that drifted apart like {@code 1/h}, or null
 * @param steps how many stencils the entry took (1 for most entries)
 */
@API(status = INTERNAL, since = "0.1")
public record Classification(
    Kind kind,
    double analytic,
    double numeric,
    double tolerance,
    double rounding,
    boolean agrees,
    double slopeMinus,
    double slopePlus,
    double low,
    double high,
    double bracketTolerance,
    Steep steep,
    NonFinite nonFiniteNearby,
    Noise noise,
    int steps) {

  /** What the loss looks like along the entry. */
  public enum Kind {
    /** Differentiable at the scale of the step; the verdict compares the two derivatives. */
    SMOOTH,
    /** The one-sided derivatives differ, and keep differing as the step shrinks. */
    KINK,
    /** Estimates at successive steps keep disagreeing down to the smallest useful step. */
    UNRESOLVED,
    /** The analytic value or the loss at the point itself is not finite. */
    NON_FINITE
  }

  /** One-sided slopes that differ by orders of magnitude, and the step they were seen at. */
  public record Steep(double minus, double plus, double step) {}

  /** The signed offset at which the loss was first seen not finite, and its value there. */
  public record NonFinite(double offset, double value) {}

  /** The gap at the coarser step, that step, the gap at the finer step, and it. */
  public record Noise(double coarseGap, double coarseStep, double fineGap, double fineStep) {}

  /**
   * Whether the one-sided slopes drifted apart like {@code 1/h} as the step shrank: the loss is
   * noisier than its declared precision.
   */
  public boolean noisy() {
    return noise != null;
  }

  /** Whether this is a smooth entry whose analytic value agrees. */
  public boolean smoothAgreement() {
    return kind == Kind.SMOOTH && agrees;
  }

  /** Whether this is a smooth entry whose analytic value disagrees. */
  public boolean smoothMismatch() {
    return kind == Kind.SMOOTH && !agrees;
  }

  /**
   * Whether the analytic value deserves a second look at a nearby generic point: a smooth mismatch,
   * or, at a kink or an unresolved entry, a value outside every one-sided and central estimate seen
   * (widened by the tolerance). Correct code gets there only through coincident kinks, which a
   * generic point breaks.
   */
  public boolean suspicious() {
    switch (kind) {
      case SMOOTH:
        return !agrees;
      case KINK:
      case UNRESOLVED:
        if (Double.isNaN(low)) {
          return false;
        }
        return analytic < low - bracketTolerance || analytic > high + bracketTolerance;
      default:
        return false;
    }
  }
}
