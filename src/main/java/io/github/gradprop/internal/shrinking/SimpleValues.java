package io.github.gradprop.internal.shrinking;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Simpler replacements for a number, simplest first: 0, then small integers, halves, and fewer
 * significant digits. "Simpler" is a total order ({@link #complexity}); a value is only ever
 * replaced by a strictly simpler one, so value shrinking terminates.
 */
@API(status = INTERNAL, since = "0.1")
public final class SimpleValues {

  private SimpleValues() {}

  /** Candidates strictly simpler than {@code v}, simplest first. */
  public static List<Double> simplerThan(double v) {
    List<Double> out = new ArrayList<>();
    if (!Double.isFinite(v)) {
      out.add(0.0);
      return out;
    }
    double sign = v < 0 ? -1 : 1;
    double[] raw = {
      0.0,
      sign,
      -sign,
      Math.rint(v),
      Math.rint(2 * v) / 2,
      sign * 2,
      sign * 0.5,
      round(v, 1),
      round(v, 2),
      round(v, 3),
    };
    double own = complexity(v);
    for (double c : raw) {
      if (complexity(c) < own && !out.contains(c)) {
        out.add(c);
      }
    }
    out.sort((a, b) -> Double.compare(complexity(a), complexity(b)));
    return out;
  }

  /**
   * 0 for 0; small for small integers; more for halves; then by significant digits, and by size
   * within a class, with positives before negatives.
   */
  public static double complexity(double v) {
    if (v == 0) {
      return 0;
    }
    if (!Double.isFinite(v)) {
      return Double.MAX_VALUE;
    }
    double a = Math.abs(v);
    double signCost = v < 0 ? 0.5 : 0;
    if (a == Math.rint(a) && a < 1e6) {
      return 1 + 2 * Math.log(a + 1) + signCost;
    }
    if (2 * a == Math.rint(2 * a) && a < 1e6) {
      return 20 + Math.log(a + 1) + signCost;
    }
    int digits = BigDecimal.valueOf(v).stripTrailingZeros().precision();
    return 40 + 10 * digits + Math.log(a + 1) + signCost;
  }

  private static double round(double v, int significant) {
    return new BigDecimal(v).round(new MathContext(significant)).doubleValue();
  }
}
