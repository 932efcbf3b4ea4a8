package io.github.gradprop.internal.html;

/** Number formats of the pages. */
final class Numbers {

  private Numbers() {}

  /** {@code v} as {@code %.1e} would print it, without the cost of a formatter. */
  static String small(double v) {
    if (!Double.isFinite(v)) {
      return String.valueOf(v);
    }
    if (Math.abs(v) < 1e-290 && v != 0) {
      return String.format(java.util.Locale.ROOT, "%.1e", v);
    }
    if (v == 0) {
      return "0.0e+00";
    }
    String sign = v < 0 ? "-" : "";
    double a = Math.abs(v);
    int exp = (int) Math.floor(Math.log10(a));
    long tenths = Math.round(a / Math.pow(10, exp) * 10);
    if (tenths >= 100) {
      tenths /= 10;
      exp++;
    }
    if (tenths < 10) { // rounding below 1.0 after log10 error
      tenths *= 10;
      exp--;
    }
    String e = Math.abs(exp) < 10 ? "0" + Math.abs(exp) : String.valueOf(Math.abs(exp));
    return sign + (tenths / 10) + "." + (tenths % 10) + "e" + (exp < 0 ? "-" : "+") + e;
  }
}
