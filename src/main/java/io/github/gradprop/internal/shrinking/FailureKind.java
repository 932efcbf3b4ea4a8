package io.github.gradprop.internal.shrinking;

import io.github.gradprop.EntryCheck;
import io.github.gradprop.GradientCheckResult;
import io.github.gradprop.Verdict;

/**
 * What "failing in the same way" means while shrinking: the same failing verdict on an entry of the
 * same tensor, and clearly so, with a relative error and a distance from the tolerance that stay
 * far above rounding noise.
 */
public final class FailureKind {

  /** A shrunk case must fail by at least this many tolerances (or as many as the original did). */
  static final double CLEAR_RATIO = 100;

  /** A shrunk case must keep a relative error of at least this (or the original's). */
  static final double CLEAR_RELATIVE_ERROR = 1e-2;

  private final String tensor;
  private final Verdict verdict;
  private final double requiredRatio;
  private final double requiredRelative;

  private FailureKind(String tensor, Verdict verdict, double requiredRatio, double requiredRelative) {
    this.tensor = tensor;
    this.verdict = verdict;
    this.requiredRatio = requiredRatio;
    this.requiredRelative = requiredRelative;
  }

  /** The kind of the worst failing entry of {@code original}, which must have failed. */
  public static FailureKind of(GradientCheckResult original) {
    EntryCheck worst = original.failures().get(0);
    return new FailureKind(
        worst.tensor(),
        worst.verdict(),
        Math.min(CLEAR_RATIO, ratio(worst)),
        Math.min(CLEAR_RELATIVE_ERROR, relative(worst)));
  }

  /** Whether {@code r} fails in this way. */
  public boolean matches(GradientCheckResult r) {
    for (EntryCheck e : r.failures()) {
      if (e.tensor().equals(tensor)
          && e.verdict() == verdict
          && ratio(e) >= requiredRatio
          && relative(e) >= requiredRelative) {
        return true;
      }
    }
    return false;
  }

  public String tensor() {
    return tensor;
  }

  public Verdict verdict() {
    return verdict;
  }

  private static double ratio(EntryCheck e) {
    if (!Double.isFinite(e.analytic()) || !Double.isFinite(e.numeric())) {
      return Double.POSITIVE_INFINITY;
    }
    return e.tolerance() > 0 ? e.absoluteError() / e.tolerance() : Double.POSITIVE_INFINITY;
  }

  private static double relative(EntryCheck e) {
    return Double.isNaN(e.relativeError()) ? 1.0 : e.relativeError();
  }

  @Override
  public String toString() {
    return verdict + " in " + tensor;
  }
}
