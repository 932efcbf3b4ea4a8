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
}
