package io.github.gradprop.internal.verdict;

import io.github.gradprop.CheckOptions;
import io.github.gradprop.DifferenceScheme;
import io.github.gradprop.internal.numerics.FiniteDifferences;
import io.github.gradprop.internal.numerics.Objective;
import io.github.gradprop.internal.numerics.Stencil;

/**
 * Classifies one entry (or one direction) as smooth, at a kink, unresolved or not finite, and for
 * smooth entries compares the analytic value with the finite-difference estimate.
 *
 * <p>The one-sided differences {@code D+} and {@code D-} reuse the base loss, so the first look
 * costs nothing beyond the scheme's own calls. Their gap {@code |D+ - D-|} is {@code h |f''|} at a
 * smooth point and the jump of the derivative at a kink, so a large gap alone does not tell the two
 * apart; what does is how it scales when the step shrinks. Only entries that need it (a mismatch,
 * or a gap that is large both against the tolerance and against the slopes) pay for smaller steps,
 * each a factor {@value #REFINE} smaller:
 *
 * <ul>
 *   <li>the gap stays above half its previous value: a kink within a fraction of the step;
 *   <li>two successive estimates agree within the tolerance: smooth at this scale (a kink closer
 *       than the coarse step but farther than the fine one ends here); the verdict uses the coarser
 *       estimate with the difference of the two as extra allowance;
 *   <li>the analytic value lies within a quarter of the last change of the estimate: where the
 *       curvature jumps inside the stencil (Huber at {@code |r| = 1}, ELU at 0) the central
 *       difference is only first-order accurate, and such a sequence, shrinking 8-fold per step, is
 *       within a seventh of its last change from its limit;
 *   <li>none of these, down to half of {@code sqrt(eps)} times the scale (further only while the
 *       loss values are so small that their rounding stays below {@code atol / 10}): unresolved.
 * </ul>
 *
 * <p>Reused across entries; results are read from the accessors after each {@link #classify}.
 */
public final class EntryClassifier {

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

  /**
   * One-sided slopes whose gap grows by at least this factor each time the step shrinks 8-fold,
   * twice in a row, without one side being orders of magnitude steeper (a clipped log), are noise,
   * not a kink: at a kink the gap settles, at a smooth point it shrinks, and a loss that merely
   * oscillates faster than the first step settles once the step is below its scale.
   */
  static final double NOISE_GROWTH = 4;

  /** The factor by which each refinement shrinks the step. */
  static final double REFINE = 8;

  /** At most this many steps in all (the scheme's step and the refinements). */
  static final int MAX_LEVELS = 6;

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

  private final double eps;
  private boolean noisy;
  private double[] noisyGaps = new double[4];

  private final DifferenceScheme scheme;
  private final double c;
  private final double atol;
  private final double rtol;
  private final double gain;
  private final Stencil stencil = new Stencil();

  private double f0;
  private double noise;
  private double steepScale;

  private Kind kind;
  private double analytic;
  private double numeric;
  private double tolerance;
  private double rounding;
  private boolean agrees;
  private double slopeMinus;
  private double slopePlus;
  private double lo;
  private double hi;
  private double bracketTolerance;
  private boolean steep;
  private double steepMinus;
  private double steepPlus;
  private double steepStep;
  private boolean nonFiniteNearby;
  private double nonFiniteOffset;
  private double nonFiniteValue;
  private int steps;

  public EntryClassifier(CheckOptions options) {
    this.scheme = options.scheme();
    this.c = options.step();
    this.atol = options.atol();
    this.rtol = options.rtol();
    this.gain = FiniteDifferences.noiseGain(options.scheme());
    this.eps = options.lossPrecision().epsilon();
  }

  /** Sets the loss at the point around which the next entries are classified. */
  public void base(double loss) {
    this.f0 = loss;
    double scale = Double.isFinite(loss) ? Math.abs(loss) : 0;
    this.noise = CheckOptions.ROUNDING_FACTOR * eps * scale;
    this.steepScale = Math.max(1, scale);
  }

  /**
   * Classifies the loss {@code f} around {@code theta} against the analytic derivative {@code a};
   * the first step is {@code c * scale}, so pass {@code max(1, |theta|)} for a single entry.
   */
  public void classify(Objective f, double theta, double scale, double a) {
    reset(a);
    double h = FiniteDifferences.step(theta, c, scale);
    double floor = FiniteDifferences.smallestStep(scale, eps);
    stencil.evaluate(scheme, f, theta, h);
    steps = 1;
    rounding = noise * gain / h;
    numeric = stencil.estimate;
    tolerance = EntryComparison.tolerance(numeric, atol, rtol, rounding);
    if (!Double.isFinite(f0) || !Double.isFinite(a)) {
      kind = Kind.NON_FINITE;
      return;
    }
    while (!stencil.finite()) {
      if (!nonFiniteNearby) {
        nonFiniteNearby = true;
        nonFiniteOffset = stencil.nonFiniteSide() * h;
        nonFiniteValue = stencil.nonFiniteValue();
      }
      double next = FiniteDifferences.refine(theta, h, REFINE);
      if (steps >= MAX_LEVELS || (next < floor && !quietBelowFloor(next, atol))) {
        kind = Kind.UNRESOLVED;
        numeric = Double.NaN;
        return;
      }
      h = next;
      stencil.central(f, theta, h);
      steps++;
      numeric = stencil.estimate;
      rounding = noise / h;
      tolerance = EntryComparison.tolerance(numeric, atol, rtol, rounding);
    }

    double est = stencil.estimate;
    double tol = tolerance;
    double dp = (stencil.plus - f0) / h;
    double dm = (f0 - stencil.minus) / h;
    double gap = Math.abs(dp - dm);
    slopePlus = dp;
    slopeMinus = dm;
    lo = Math.min(est, Math.min(dp, dm));
    hi = Math.max(est, Math.max(dp, dm));
    bracketTolerance = tol;
    boolean ok = Math.abs(a - est) <= tol;
    if (ok && steps == 1 && !worthACloserLook(dp, dm, gap, tol, h)) {
      kind = Kind.SMOOTH;
      agrees = true;
      return;
    }
    noteSteep(dp, dm, gap, h);

    double prevGap = gap;
    double prevEst = est;
    double prevTol = tol;
    double lastChange = 0;
    int growthStreak = 0;
    // levels spent finding a finite stencil do not count against the refinement of the estimate
    int firstFinite = steps;
    while (steps - firstFinite + 1 < MAX_LEVELS) {
      double next = FiniteDifferences.refine(theta, h, REFINE);
      if (next < floor && !quietBelowFloor(next, prevTol)) {
        break;
      }
      h = next;
      stencil.central(f, theta, h);
      steps++;
      if (!stencil.finite()) {
        if (!nonFiniteNearby) {
          nonFiniteNearby = true;
          nonFiniteOffset = stencil.nonFiniteSide() * h;
          nonFiniteValue = stencil.nonFiniteValue();
        }
        break;
      }
      double ck = stencil.estimate;
      double r = noise / h;
      double tolK = EntryComparison.tolerance(ck, atol, rtol, r);
      dp = (stencil.plus - f0) / h;
      dm = (f0 - stencil.minus) / h;
      gap = Math.abs(dp - dm);
      slopePlus = dp;
      slopeMinus = dm;
      lo = Math.min(lo, Math.min(ck, Math.min(dp, dm)));
      hi = Math.max(hi, Math.max(ck, Math.max(dp, dm)));
      bracketTolerance = Math.max(bracketTolerance, tolK);
      noteSteep(dp, dm, gap, h);
      boolean grew = gap > jumpFloor(dp, dm, h) && gap >= NOISE_GROWTH * prevGap;
      growthStreak = grew ? growthStreak + 1 : 0;
      if (growthStreak >= 2 && !steep) {
        // At a kink the one-sided slopes settle as the step shrinks; here they drift apart like
        // 1/h, the mark of a loss that carries noise far above double rounding (float arithmetic,
        // say). No verdict is possible at this precision.
        kind = Kind.UNRESOLVED;
        noisy = true;
        noisyGaps = new double[] {prevGap, h * REFINE, gap, h};
        numeric = ck;
        tolerance = tolK;
        agrees = false;
        return;
      }
      if (gap > jumpFloor(dp, dm, h) && gap >= KEEP * prevGap) {
        kind = Kind.KINK;
        lo = Math.min(dp, dm);
        hi = Math.max(dp, dm);
        bracketTolerance = Math.max(tol, tolK);
        agrees = Math.abs(a - numeric) <= tolerance;
        return;
      }
      double diff = Math.abs(ck - prevEst);
      if (diff <= tolK) {
        kind = Kind.SMOOTH;
        numeric = prevEst;
        tolerance = prevTol + 1.5 * diff;
        agrees = Math.abs(a - numeric) <= tolerance;
        return;
      }
      boolean firstOrder = lastChange > 0 && 16 * diff >= lastChange;
      if (firstOrder && Math.abs(a - ck) <= tolK + FIRST_ORDER * diff) {
        // a first-order sequence (a jump in the curvature) approaches its limit within diff / 7;
        // only a sequence seen to converge at first order (changes shrinking ~8x per 8x step, not
        // ~64x as for a smooth entry) gets this allowance, else a steep but smooth entry with a
        // wrong gradient could pass before its estimates settle
        kind = Kind.SMOOTH;
        numeric = ck;
        tolerance = tolK + FIRST_ORDER * diff;
        agrees = true;
        return;
      }
      prevGap = gap;
      prevEst = ck;
      prevTol = tolK;
      lastChange = diff;
    }
    kind = Kind.UNRESOLVED;
    // the estimates may still move by about their last change before they settle
    bracketTolerance += lastChange;
    numeric = prevEst;
    tolerance = prevTol;
    agrees = Math.abs(a - numeric) <= tolerance;
  }

  /**
   * Whether a step below the usual floor is still worth it: when the rounding of the loss values
   * stays far below the tolerance there (a loss of exactly 0 at a kink, or a steep entry whose
   * derivative, and so its tolerance, is large).
   */
  private boolean quietBelowFloor(double next, double tolerance) {
    double size = Math.max(Math.abs(f0), Math.max(Math.abs(stencil.plus), Math.abs(stencil.minus)));
    double allowed = Double.isFinite(tolerance) ? Math.max(atol, tolerance) : atol;
    return CheckOptions.ROUNDING_FACTOR * eps * size / next <= 0.1 * allowed;
  }

  /**
   * Whether an entry that agrees at the first step still deserves smaller steps, to count kinks:
   * its gap must be well above what the tolerance and rounding explain and a visible share of the
   * slopes. Schemes with a second pair of samples test the scaling of the gap for free instead.
   */
  private boolean worthACloserLook(double dp, double dm, double gap, double tol, double h) {
    if (gap <= 2 * tol + 4 * noise / h) {
      return false;
    }
    if (stencil.outerH > 0) {
      double op = (stencil.outerPlus - f0) / stencil.outerH;
      double om = (f0 - stencil.outerMinus) / stencil.outerH;
      double outerGap = Math.abs(op - om);
      double expected = Math.log(stencil.outerH / h);
      double seen = Math.log(Math.max(outerGap, Double.MIN_NORMAL) / gap);
      return Math.abs(seen) < 0.5 * Math.abs(expected);
    }
    return gap > SCREEN_SHARE * Math.max(Math.abs(dp), Math.abs(dm));
  }

  private double jumpFloor(double dp, double dm, double h) {
    return 2 * (atol + rtol * Math.max(Math.abs(dp), Math.abs(dm))) + 4 * noise / h;
  }

  private void noteSteep(double dp, double dm, double gap, double h) {
    if (steep || gap <= jumpFloor(dp, dm, h)) {
      return;
    }
    double big = Math.max(Math.abs(dp), Math.abs(dm));
    double small = Math.min(Math.abs(dp), Math.abs(dm));
    if (big >= STEEP * Math.max(small, steepScale)) {
      steep = true;
      steepMinus = dm;
      steepPlus = dp;
      steepStep = h;
    }
  }

  private void reset(double a) {
    analytic = a;
    kind = null;
    agrees = false;
    slopeMinus = Double.NaN;
    slopePlus = Double.NaN;
    lo = Double.NaN;
    hi = Double.NaN;
    bracketTolerance = 0;
    steep = false;
    nonFiniteNearby = false;
    noisy = false;
    steps = 0;
  }

  /**
   * Whether the last entry's one-sided slopes drifted apart like {@code 1/h} as the step shrank:
   * the loss is noisier than its declared precision.
   */
  public boolean noisy() {
    return noisy;
  }

  /** For a noisy entry: the gap at the coarser step, that step, the gap at the finer step, it. */
  public double[] noisyGaps() {
    return noisyGaps.clone();
  }

  /** The kind of the last classified entry. */
  public Kind kind() {
    return kind;
  }

  /**
   * The estimate to show: the one the verdict used for a smooth entry, the scheme's estimate at the
   * first step for a kink (the mean of the one-sided derivatives for a central difference), the
   * finest estimate for an unresolved entry.
   */
  public double numeric() {
    return numeric;
  }

  /** The tolerance that goes with {@link #numeric()}. */
  public double tolerance() {
    return tolerance;
  }

  /** The rounding allowance at the first step. */
  public double rounding() {
    return rounding;
  }

  /**
   * For a smooth entry, whether the analytic value agrees; for a kink, whether it agrees with the
   * scheme's estimate at the first step (what a classic checker would test).
   */
  public boolean agrees() {
    return agrees;
  }

  /** The one-sided derivative from the left at the finest step looked at. */
  public double slopeMinus() {
    return slopeMinus;
  }

  /** The one-sided derivative from the right at the finest step looked at. */
  public double slopePlus() {
    return slopePlus;
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
        if (Double.isNaN(lo)) {
          return false;
        }
        return analytic < lo - bracketTolerance || analytic > hi + bracketTolerance;
      default:
        return false;
    }
  }

  /** Whether the one-sided slopes differed by orders of magnitude somewhere in the stencils. */
  public boolean steep() {
    return steep;
  }

  /** The left slope of the steep pair. */
  public double steepMinus() {
    return steepMinus;
  }

  /** The right slope of the steep pair. */
  public double steepPlus() {
    return steepPlus;
  }

  /** The step over which the steep slopes were seen. */
  public double steepStep() {
    return steepStep;
  }

  /** Whether the loss was not finite at some step around the entry, while finite at the entry. */
  public boolean nonFiniteNearby() {
    return nonFiniteNearby;
  }

  /** The signed offset at which the loss was first seen not finite. */
  public double nonFiniteOffset() {
    return nonFiniteOffset;
  }

  /** The value the loss took there (NaN or an infinity). */
  public double nonFiniteValue() {
    return nonFiniteValue;
  }

  /** How many stencils the entry took (1 for most entries). */
  public int steps() {
    return steps;
  }
}
