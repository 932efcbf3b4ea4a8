package io.github.gradprop.internal.verdict;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * The verdict on one direction {@code v}: does the derivative of {@code t -> f(theta + t v)} at 0
 * agree with the analytic projection {@code g . v}? Pure: a function of the seven loss values at
 * {@code t = 0, +-h/2, +-h, +-2h}.
 *
 * <p>The estimate is the five-point stencil at step {@code h/2} (error {@code O(h^4)}), corrected
 * by Richardson extrapolation with the five-point stencil at step {@code h} (error {@code O(h^6)}).
 * A projection dilutes a single wrong entry by {@code |v_i| / |v|}, so the tolerance is not a share
 * of the estimate but its own error, bounded term by term:
 *
 * <ul>
 *   <li>rounding: each loss value is off by at most {@code delta = 16 eps max|f|}, which moves the
 *       extrapolated estimate by at most {@code 3.3 delta / h};
 *   <li>truncation: a quarter of the difference of the two five-point estimates, fifteen times the
 *       truncation error left after extrapolation;
 *   <li>a kink at (or within rounding of) the base point: the second differences {@code S(s) = f(s)
 *       + f(-s) - 2 f(0)} at {@code s = h/2, h, 2h} are fitted by {@code a s + b s^2 + c s^4}; at a
 *       smooth point {@code a} is rounding, at a kink it is the jump of the slope, and the
 *       symmetric stencils then return the mean of the two slopes, off by {@code a / 2}. A jump
 *       above rounding is a kink: the direction is not compared ({@link Kind#KINK}); below, its
 *       bound joins the tolerance;
 *   <li>a kink elsewhere inside the stencil makes the two five-point estimates disagree by far more
 *       than rounding: again {@link Kind#KINK}, not a mismatch;
 *   <li>the analytic projection's own rounding, which the caller passes.
 * </ul>
 */
@API(status = INTERNAL, since = "0.1")
public final class DirectionRule {

  /** Safety factor on the rounding of one loss value, as for single entries. */
  static final double ROUNDING_FACTOR = EntryClassifier.ROUNDING_FACTOR;

  /** How the two five-point estimates may differ, in rounding bounds, at a smooth point. */
  static final double CONSISTENCY = 4;

  private DirectionRule() {}

  /** What a direction shows. */
  public enum Kind {
    /** Smooth along the direction, estimate and projection agree. */
    AGREES,
    /** Smooth along the direction, estimate and projection disagree. */
    MISMATCH,
    /** A kink inside the stencil: no comparison. */
    KINK,
    /** A loss value that is not finite: no comparison. */
    NOT_FINITE
  }

  /** The verdict on one direction, with the estimate and the tolerance it was compared with. */
  public record Verdict(Kind kind, double analytic, double estimate, double tolerance) {
    /** Whether the direction was compared (smooth and finite). */
    public boolean compared() {
      return kind == Kind.AGREES || kind == Kind.MISMATCH;
    }
  }

  /**
   * Judges one direction from the loss {@code f0} at the base point and {@code m2, m1, mh, ph, p1,
   * p2} at {@code t = -2h, -h, -h/2, h/2, h, 2h}, against the analytic projection {@code analytic}
   * whose rounding is at most {@code analyticRounding}; {@code eps} is the loss precision's.
   */
  public static Verdict judge(
      double f0,
      double m2,
      double m1,
      double mh,
      double ph,
      double p1,
      double p2,
      double h,
      double analytic,
      double analyticRounding,
      double eps) {
    if (!allFinite(f0, m2, m1, mh, ph, p1, p2) || !Double.isFinite(analytic)) {
      return new Verdict(Kind.NOT_FINITE, analytic, Double.NaN, Double.NaN);
    }
    double size = max(f0, m2, m1, mh, ph, p1, p2);
    double delta = ROUNDING_FACTOR * eps * size;
    double fine = fivePoint(ph, mh, p1, m1, h / 2);
    double coarse = fivePoint(p1, m1, p2, m2, h);
    double estimate = fine + (fine - coarse) / 15;
    double jump = slopeJump(f0, m2, m1, mh, ph, p1, p2, h);
    double jumpNoise = 25 * delta / h;
    // the two five-point estimates: rounding moves fine by 3 delta / h and coarse by 1.5 delta / h
    double consistency = CONSISTENCY * 4.5 * delta / h;
    if (Math.abs(jump) > jumpNoise || Math.abs(fine - coarse) > consistency) {
      return new Verdict(Kind.KINK, analytic, estimate, Double.NaN);
    }
    double tolerance =
        3.3 * delta / h
            + Math.abs(fine - coarse) / 4
            + (Math.abs(jump) + jumpNoise) / 2
            + analyticRounding;
    Kind kind = Math.abs(analytic - estimate) <= tolerance ? Kind.AGREES : Kind.MISMATCH;
    return new Verdict(kind, analytic, estimate, tolerance);
  }

  /**
   * The verdict on a direction that disagreed at step {@code h} ({@code atH}), given its verdict at
   * a step four times smaller ({@code narrower}, inside the same stencil): rounding noise moves the
   * estimate four times more there, a wrong gradient not at all. The disagreement stands only when
   * the two estimates agree with each other much better than with the analytic value (within half
   * the disagreement at either step); otherwise the direction is not compared ({@link Kind#KINK}:
   * noise, or a kink, that the stencils cannot tell from a wrong gradient).
   */
  public static Verdict confirm(Verdict atH, Verdict narrower) {
    if (atH.kind() != Kind.MISMATCH) {
      return atH;
    }
    // the narrower estimate is read whatever its own verdict: only its distance to the first counts
    double gap = Math.abs(narrower.estimate() - atH.estimate());
    boolean persists =
        Double.isFinite(narrower.estimate())
            && gap <= Math.abs(narrower.analytic() - narrower.estimate()) / 2
            && gap <= Math.abs(atH.analytic() - atH.estimate()) / 2;
    return persists ? atH : new Verdict(Kind.KINK, atH.analytic(), atH.estimate(), Double.NaN);
  }

  /** The five-point estimate from {@code f(+-s)} and {@code f(+-2s)}. */
  static double fivePoint(double p, double m, double p2, double m2, double s) {
    return (8 * (p - m) - (p2 - m2)) / (12 * s);
  }

  /**
   * The jump of the slope at the base point, {@code D+ - D-}, from fitting the second differences
   * {@code S(s) = a s + b s^2 + c s^4} at {@code s = h/2, h, 2h}: {@code 2 a}. At a smooth point it
   * is rounding, at most {@code 25 delta / h}; the fit removes the curvature terms exactly.
   */
  static double slopeJump(
      double f0, double m2, double m1, double mh, double ph, double p1, double p2, double h) {
    double s1 = (ph - f0) + (mh - f0);
    double s2 = (p1 - f0) + (m1 - f0);
    double s3 = (p2 - f0) + (m2 - f0);
    // with x = a h/2: x = (64 s1 - 20 s2 + s3) / 28
    double x = (64 * s1 - 20 * s2 + s3) / 28;
    return 2 * x / h;
  }

  private static boolean allFinite(double... v) {
    for (double x : v) {
      if (!Double.isFinite(x)) {
        return false;
      }
    }
    return true;
  }

  private static double max(double... v) {
    double m = 0;
    for (double x : v) {
      m = Math.max(m, Math.abs(x));
    }
    return m;
  }
}
