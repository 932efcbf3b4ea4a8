package io.github.gradprop.internal.verdict;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.github.gradprop.Verdict;
import org.apiguardian.api.API;

/** Compares one analytic derivative with its finite-difference estimate. */
@API(status = INTERNAL, since = "0.1")
public final class EntryComparison {

  private EntryComparison() {}

  /** {@code |a - n| / max(|a|, |n|)}; 0 when both are 0; NaN when either is not finite. */
  public static double relativeError(double analytic, double numeric) {
    if (!Double.isFinite(analytic) || !Double.isFinite(numeric)) {
      return Double.NaN;
    }
    double scale = Math.max(Math.abs(analytic), Math.abs(numeric));
    return scale == 0 ? 0 : Math.abs(analytic - numeric) / scale;
  }

  /** The largest accepted {@code |a - n|}: {@code atol + rtol * |numeric| + rounding}. */
  public static double tolerance(double numeric, double atol, double rtol, double rounding) {
    return atol + rtol * Math.abs(numeric) + rounding;
  }

  /** The verdict for one entry. */
  public static Verdict verdict(double analytic, double numeric, double tolerance) {
    if (!Double.isFinite(analytic) || !Double.isFinite(numeric)) {
      return Verdict.NON_FINITE;
    }
    return Math.abs(analytic - numeric) <= tolerance ? Verdict.OK : Verdict.MISMATCH;
  }
}
