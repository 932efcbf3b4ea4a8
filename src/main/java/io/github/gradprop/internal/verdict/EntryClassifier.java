package io.github.gradprop.internal.verdict;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.github.gradprop.CheckOptions;
import io.github.gradprop.DifferenceScheme;
import io.github.gradprop.internal.numerics.FiniteDifferences;
import io.github.gradprop.internal.numerics.Objective;
import io.github.gradprop.internal.numerics.Sample;
import io.github.gradprop.internal.numerics.Stencil;
import org.apiguardian.api.API;

/**
 * Classifies one entry (or one direction) as smooth, at a kink, unresolved or not finite, and for
 * smooth entries compares the analytic value with the finite-difference estimate.
 *
 * <p>The one-sided differences {@code D+} and {@code D-} reuse the base loss, so the first look
 * costs nothing beyond the scheme's own calls. Their gap {@code |D+ - D-|} is {@code h |f''|} at a
 * smooth point and the jump of the derivative at a kink, so a large gap alone does not tell the two
 * apart; what does is how it scales when the step shrinks. Only entries that need it (a mismatch,
 * or a gap that is large both against the tolerance and against the slopes) pay for smaller steps,
 * each a factor {@value Rules#REFINE} smaller:
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
 * <p>Immutable: {@link #classify} is a function of its arguments, and the only scratch it writes is
 * the caller's {@link Stencil}, so entries can be classified on any thread in any order as long as
 * each thread brings its own stencil. The rules themselves are in {@link Rules}.
 */
@API(status = INTERNAL, since = "0.1")
public final class EntryClassifier {

  /** Safety factor on the rounding noise of one loss evaluation. */
  public static final double ROUNDING_FACTOR = 16;

  /** At most this many steps in all (the scheme's step and the refinements). */
  static final int MAX_LEVELS = 6;

  private final DifferenceScheme scheme;
  private final double c;
  private final double atol;
  private final double rtol;
  private final double gain;
  private final double eps;

  public EntryClassifier(CheckOptions options) {
    this.scheme = options.scheme();
    this.c = options.step();
    this.atol = options.atol();
    this.rtol = options.rtol();
    this.gain = FiniteDifferences.noiseGain(options.scheme());
    this.eps = options.lossPrecision().epsilon();
  }

  /**
   * Classifies the loss {@code f} around {@code theta}, where it is {@code f0}, against the
   * analytic derivative {@code a}; the first step is {@code c * scale}, so pass {@code max(1,
   * |theta|)} for a single entry. {@code scratch} is the caller's, overwritten. The same as {@link
   * #firstLook} followed by {@link #agreement} or {@link #resume}.
   */
  public Classification classify(
      Stencil scratch, Objective f, double f0, double theta, double scale, double a) {
    if (firstLook(scratch, f, f0, theta, scale, a)) {
      return agreement(scratch, f0, a);
    }
    return resume(scratch, f, f0, theta, scale, a);
  }

  /**
   * The first, allocation-free stage: evaluates the scheme's stencil into {@code scratch} and tells
   * whether it settles the entry as smooth and agreeing (most entries of a correct model). If so,
   * {@link #agreement} gives the result, and {@link #rounding} and the scratch's estimate are all a
   * caller needs; if not, {@link #resume} goes on from the scratch without calling the loss again.
   */
  public boolean firstLook(
      Stencil scratch, Objective f, double f0, double theta, double scale, double a) {
    double noise = noise(f0);
    double h = FiniteDifferences.step(theta, c, scale);
    scratch.evaluate(scheme, f, theta, h);
    double numeric = scratch.estimate;
    double tolerance = EntryComparison.tolerance(numeric, atol, rtol, noise * gain / h);
    return Double.isFinite(f0)
        && Double.isFinite(a)
        && scratch.finite()
        && Math.abs(a - numeric) <= tolerance
        && !worthACloserLook(scratch, f0, Sample.of(scratch, f0), tolerance, noise);
  }

  /**
   * The rounding allowance at the first step of a {@link #firstLook} around a loss of {@code f0}.
   */
  public double rounding(Stencil firstLook, double f0) {
    return noise(f0) * gain / firstLook.h;
  }

  /** The result of a {@link #firstLook} that settled the entry as smooth and agreeing. */
  public Classification agreement(Stencil firstLook, double f0, double a) {
    double rounding = rounding(firstLook, f0);
    double numeric = firstLook.estimate;
    double tolerance = EntryComparison.tolerance(numeric, atol, rtol, rounding);
    Sample first = Sample.of(firstLook, f0);
    return new Classification(
        Classification.Kind.SMOOTH,
        a,
        numeric,
        tolerance,
        rounding,
        true,
        first.slopeMinus(),
        first.slopePlus(),
        first.low(),
        first.high(),
        tolerance,
        null,
        null,
        null,
        1);
  }

  /** Classifies an entry whose {@link #firstLook} (in {@code scratch}) did not settle it. */
  public Classification resume(
      Stencil scratch, Objective f, double f0, double theta, double scale, double a) {
    double noise = noise(f0);
    double rounding = rounding(scratch, f0);
    double numeric = scratch.estimate;
    double tolerance = EntryComparison.tolerance(numeric, atol, rtol, rounding);
    if (!Double.isFinite(f0) || !Double.isFinite(a)) {
      return new Classification(
          Classification.Kind.NON_FINITE,
          a,
          numeric,
          tolerance,
          rounding,
          false,
          Double.NaN,
          Double.NaN,
          Double.NaN,
          Double.NaN,
          0,
          null,
          null,
          null,
          1);
    }
    return new Walk(scratch, f, f0, theta, scale, a, noise, rounding, tolerance).run();
  }

  private double noise(double f0) {
    double size = Double.isFinite(f0) ? Math.abs(f0) : 0;
    return ROUNDING_FACTOR * eps * size;
  }

  /**
   * Whether an entry that agrees at the first step still deserves smaller steps, to count kinks:
   * its gap must be well above what the tolerance and rounding explain and a visible share of the
   * slopes. Schemes with a second pair of samples test the scaling of the gap for free instead.
   */
  private static boolean worthACloserLook(
      Stencil stencil, double f0, Sample first, double tol, double noise) {
    double h = first.step();
    double gap = first.gap();
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
    double slopes = Math.max(Math.abs(first.slopeMinus()), Math.abs(first.slopePlus()));
    return gap > Rules.SCREEN_SHARE * slopes;
  }

  /**
   * The refinement of one entry that the first look did not settle: mutable, but created per call
   * and never shared.
   */
  private final class Walk {
    private final Stencil stencil;
    private final Objective f;
    private final double f0;
    private final double theta;
    private final double a;
    private final double noise;
    private final double floor;
    private final double steepScale;

    private double h;
    private int steps = 1;
    private double numeric;
    private double tolerance;
    private double rounding;
    private double slopeMinus = Double.NaN;
    private double slopePlus = Double.NaN;
    private double lo = Double.NaN;
    private double hi = Double.NaN;
    private double bracketTolerance;
    private Classification.Steep steep;
    private Classification.NonFinite nonFinite;

    Walk(
        Stencil stencil,
        Objective f,
        double f0,
        double theta,
        double scale,
        double a,
        double noise,
        double rounding,
        double tolerance) {
      this.stencil = stencil;
      this.f = f;
      this.f0 = f0;
      this.theta = theta;
      this.a = a;
      this.noise = noise;
      this.floor = FiniteDifferences.smallestStep(scale, eps);
      this.steepScale = Math.max(1, Math.abs(f0));
      this.h = stencil.h;
      this.numeric = stencil.estimate;
      this.rounding = rounding;
      this.tolerance = tolerance;
    }

    Classification run() {
      if (!findFiniteStencil()) {
        return result(Classification.Kind.UNRESOLVED, false, null);
      }
      Sample first = Sample.of(stencil, f0);
      see(first);
      lo = first.low();
      hi = first.high();
      bracketTolerance = tolerance;
      noteSteep(first);
      return refine(first);
    }

    /** Shrinks the step by {@link Rules#REFINE} until every sampled loss is finite, or gives up. */
    private boolean findFiniteStencil() {
      while (!stencil.finite()) {
        noteNonFinite();
        double next = FiniteDifferences.refine(theta, h, Rules.REFINE);
        if (steps >= MAX_LEVELS || (next < floor && !quietBelowFloor(next, atol))) {
          numeric = Double.NaN;
          return false;
        }
        h = next;
        stencil.central(f, theta, h);
        steps++;
        numeric = stencil.estimate;
        rounding = noise / h;
        tolerance = EntryComparison.tolerance(numeric, atol, rtol, rounding);
      }
      return true;
    }

    /** Shrinks the step until a rule gives a verdict, or the step gets too small: unresolved. */
    private Classification refine(Sample first) {
      Sample previous = first;
      double prevTol = tolerance;
      double lastChange = 0;
      int growthStreak = 0;
      // levels spent finding a finite stencil do not count against the refinement of the estimate
      int firstFinite = steps;
      while (steps - firstFinite + 1 < MAX_LEVELS) {
        double next = FiniteDifferences.refine(theta, h, Rules.REFINE);
        if (next < floor && !quietBelowFloor(next, prevTol)) {
          break;
        }
        h = next;
        stencil.central(f, theta, h);
        steps++;
        if (!stencil.finite()) {
          noteNonFinite();
          break;
        }
        Sample s = Sample.of(stencil, f0);
        double tolK = EntryComparison.tolerance(s.estimate(), atol, rtol, noise / h);
        see(s);
        lo = Math.min(lo, s.low());
        hi = Math.max(hi, s.high());
        bracketTolerance = Math.max(bracketTolerance, tolK);
        noteSteep(s);
        double jumpFloor = jumpFloor(s);
        boolean grew = Rules.grewLikeNoise(s.gap(), previous.gap(), jumpFloor);
        growthStreak = grew ? growthStreak + 1 : 0;
        double change = Math.abs(s.estimate() - previous.estimate());
        Classification verdict =
            verdictAt(s, previous, tolK, prevTol, change, lastChange, jumpFloor, growthStreak);
        if (verdict != null) {
          return verdict;
        }
        previous = s;
        prevTol = tolK;
        lastChange = change;
      }
      // the estimates may still move by about their last change before they settle
      bracketTolerance += lastChange;
      numeric = previous.estimate();
      tolerance = prevTol;
      return result(Classification.Kind.UNRESOLVED, Math.abs(a - numeric) <= tolerance, null);
    }

    /** The verdict the rules give at sample {@code s} after {@code previous}, or null for none. */
    private Classification verdictAt(
        Sample s,
        Sample previous,
        double tolK,
        double prevTol,
        double change,
        double lastChange,
        double jumpFloor,
        int growthStreak) {
      if (growthStreak >= 2 && steep == null) {
        // At a kink the one-sided slopes settle as the step shrinks; here they drift apart like
        // 1/h, the mark of a loss that carries noise far above double rounding (float arithmetic,
        // say). No verdict is possible at this precision.
        numeric = s.estimate();
        tolerance = tolK;
        Classification.Noise gaps =
            new Classification.Noise(previous.gap(), h * Rules.REFINE, s.gap(), h);
        return result(Classification.Kind.UNRESOLVED, false, gaps);
      }
      if (Rules.isKink(s.gap(), previous.gap(), jumpFloor)) {
        lo = Math.min(s.slopeMinus(), s.slopePlus());
        hi = Math.max(s.slopeMinus(), s.slopePlus());
        bracketTolerance = Math.max(tolerance, tolK);
        return result(Classification.Kind.KINK, Math.abs(a - numeric) <= tolerance, null);
      }
      if (Rules.settled(change, tolK)) {
        numeric = previous.estimate();
        tolerance = prevTol + 1.5 * change;
        return result(Classification.Kind.SMOOTH, Math.abs(a - numeric) <= tolerance, null);
      }
      if (Rules.convergesAtFirstOrder(change, lastChange)
          && Rules.withinFirstOrderLimit(a, s.estimate(), tolK, change)) {
        // a first-order sequence (a jump in the curvature) approaches its limit within diff / 7;
        // only a sequence seen to converge at first order (changes shrinking ~8x per 8x step, not
        // ~64x as for a smooth entry) gets this allowance, else a steep but smooth entry with a
        // wrong gradient could pass before its estimates settle
        numeric = s.estimate();
        tolerance = tolK + Rules.FIRST_ORDER * change;
        return result(Classification.Kind.SMOOTH, true, null);
      }
      return null;
    }

    private void see(Sample s) {
      slopeMinus = s.slopeMinus();
      slopePlus = s.slopePlus();
    }

    private double jumpFloor(Sample s) {
      return Rules.jumpFloor(s.slopeMinus(), s.slopePlus(), s.step(), atol, rtol, noise);
    }

    private void noteSteep(Sample s) {
      if (steep == null
          && s.gap() > jumpFloor(s)
          && Rules.isSteep(s.slopeMinus(), s.slopePlus(), steepScale)) {
        steep = new Classification.Steep(s.slopeMinus(), s.slopePlus(), s.step());
      }
    }

    private void noteNonFinite() {
      if (nonFinite == null) {
        nonFinite =
            new Classification.NonFinite(stencil.nonFiniteSide() * h, stencil.nonFiniteValue());
      }
    }

    private boolean quietBelowFloor(double next, double tol) {
      double size =
          Math.max(Math.abs(f0), Math.max(Math.abs(stencil.plus), Math.abs(stencil.minus)));
      return Rules.quietBelowFloor(ROUNDING_FACTOR, eps, size, next, atol, tol);
    }

    private Classification result(
        Classification.Kind kind, boolean agrees, Classification.Noise noisy) {
      return new Classification(
          kind,
          a,
          numeric,
          tolerance,
          rounding,
          agrees,
          slopeMinus,
          slopePlus,
          lo,
          hi,
          bracketTolerance,
          steep,
          nonFinite,
          noisy,
          steps);
    }
  }
}
