package io.github.gradprop.internal.shrinking;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.github.gradprop.EntryCheck;
import io.github.gradprop.GradientCheckResult;
import io.github.gradprop.Verdict;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * What "failing in the same way" means while shrinking: the same failing verdict on an entry of a
 * tensor that failed in the original, and clearly so, with a relative error and a distance from the
 * tolerance that stay far above rounding noise.
 *
 * <p>The tensors are the original's worst one, held to the original's own clarity when that was
 * less than clear, and every other tensor the original failed clearly in. One bug often shows in
 * several tensors, and which is worst depends on the size: a recurrent net that forgets the
 * recurrent term is worst in {@code wh} at {@code time=3} but is wrong only in {@code wx} and
 * {@code b} at {@code time=2}. Tying the kind to the worst tensor alone would stop shrinking at
 * {@code time=3}.
 */
@API(status = INTERNAL, since = "0.1")
public final class FailureKind {

  /** A shrunk case must fail by at least this many tolerances (or as many as the original did). */
  static final double CLEAR_RATIO = 100;

  /** A shrunk case must keep a relative error of at least this (or the original's). */
  static final double CLEAR_RELATIVE_ERROR = 1e-2;

  private final String tensor;
  private final Verdict verdict;
  private final double requiredRatio;
  private final double requiredRelative;
  private final Set<String> alsoClearlyFailing;

  private FailureKind(
      String tensor,
      Verdict verdict,
      double requiredRatio,
      double requiredRelative,
      Set<String> alsoClearlyFailing) {
    this.tensor = tensor;
    this.verdict = verdict;
    this.requiredRatio = requiredRatio;
    this.requiredRelative = requiredRelative;
    this.alsoClearlyFailing = alsoClearlyFailing;
  }

  /** The kind of the failing entries of {@code original}, which must have failed. */
  public static FailureKind of(GradientCheckResult original) {
    EntryCheck worst = original.failures().get(0);
    Set<String> others = new LinkedHashSet<>();
    for (EntryCheck e : original.failures()) {
      if (e.verdict() == worst.verdict() && isClear(e)) {
        others.add(e.tensor());
      }
    }
    others.remove(worst.tensor());
    return new FailureKind(
        worst.tensor(),
        worst.verdict(),
        Math.min(CLEAR_RATIO, ratio(worst)),
        Math.min(CLEAR_RELATIVE_ERROR, relative(worst)),
        others);
  }

  /** Whether {@code r} fails in this way. */
  public boolean matches(GradientCheckResult r) {
    for (EntryCheck e : r.failures()) {
      if (e.verdict() != verdict) {
        continue;
      }
      if (e.tensor().equals(tensor)
          && ratio(e) >= requiredRatio
          && relative(e) >= requiredRelative) {
        return true;
      }
      if (alsoClearlyFailing.contains(e.tensor()) && isClear(e)) {
        return true;
      }
    }
    return false;
  }

  /** The original's worst tensor. */
  public String tensor() {
    return tensor;
  }

  public Verdict verdict() {
    return verdict;
  }

  private static boolean isClear(EntryCheck e) {
    return ratio(e) >= CLEAR_RATIO && relative(e) >= CLEAR_RELATIVE_ERROR;
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
    Set<String> all = new LinkedHashSet<>();
    all.add(tensor);
    all.addAll(alsoClearlyFailing);
    return verdict + " in " + String.join(" or ", all);
  }
}
