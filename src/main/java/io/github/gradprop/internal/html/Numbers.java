package io.github.gradprop.internal.html;

import java.util.Locale;

/** Number formats of the pages. */
final class Numbers {

  private Numbers() {}

  /**
   * {@code v} as {@code %.1e} prints it, as the text report does, so a page and the report show the
   * same digits for the same entry.
   */
  static String small(double v) {
    if (!Double.isFinite(v)) {
      return String.valueOf(v);
    }
    return String.format(Locale.ROOT, "%.1e", v);
  }
}
