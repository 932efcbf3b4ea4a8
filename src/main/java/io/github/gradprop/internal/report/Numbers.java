package io.github.gradprop.internal.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Locale;
import org.apiguardian.api.API;

/** Number formats used in reports; locale-independent so reports are identical everywhere. */
@API(status = INTERNAL, since = "0.1")
public final class Numbers {

  private Numbers() {}

  /** Scientific with 6 decimals and a sign column, so columns align on the decimal point. */
  public static String value(double v) {
    if (!Double.isFinite(v)) {
      return " " + v;
    }
    // -0.0 prints as 0: the sign of a zero gradient carries no information for the reader
    return String.format(Locale.ROOT, "% .6e", v == 0 ? 0.0 : v);
  }

  /** Scientific with 1 decimal, for errors, steps and tolerances. */
  public static String small(double v) {
    if (!Double.isFinite(v)) {
      return String.valueOf(v);
    }
    return String.format(Locale.ROOT, "%.1e", v);
  }

  /** A duration for people: {@code 0.25 s}, {@code 42 s}, {@code 3 min 20 s}. */
  public static String seconds(long millis) {
    if (millis < 10_000) {
      return String.format(Locale.ROOT, "%.2f s", millis / 1000.0);
    }
    long s = Math.round(millis / 1000.0);
    return s < 120 ? s + " s" : String.format(Locale.ROOT, "%d min %d s", s / 60, s % 60);
  }

  /** An integer with thousands separators, locale-independent: {@code 2,000,002}. */
  public static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }
}
