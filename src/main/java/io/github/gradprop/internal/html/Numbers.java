package io.github.gradprop.internal.html;

import java.util.Locale;

/** Number formats of the pages. */
final class Numbers {

  private Numbers() {}

  static String small(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%.1e", v) : String.valueOf(v);
  }
}
