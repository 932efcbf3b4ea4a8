package io.github.gradprop.internal.report;

import io.github.gradprop.internal.report.Diagnosis.Evidence;
import io.github.gradprop.internal.report.Diagnosis.Finding;
import io.github.gradprop.internal.report.Diagnosis.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.function.IntUnaryOperator;

/**
 * The rules behind a {@link Diagnosis}, as small pure functions of one tensor's {@link Evidence}.
 * Each rule states a pattern only when a fix applied to the numbers makes the entries agree by the
 * check's own tolerance, or when the pattern holds for every entry it names.
 */
final class DiagnosisRules {

  /** The relative error a mismatch needs for "confined to one index" to say something. */
  static final double LARGE = 1e-2;

  private DiagnosisRules() {}

  /** The findings for one tensor: a whole-tensor pattern, else a factor, a zero slice, a place. */
  static List<Finding> findings(Evidence ev) {
    Finding zero = zeroTensor(ev);
    if (zero != null) {
      return List.of(zero);
    }
    Finding permutation = permutation(ev);
    if (permutation != null) {
      return List.of(permutation);
    }
    List<Finding> out = new ArrayList<>();
    Finding factor = factor(ev);
    if (factor != null) {
      out.add(factor);
    }
    Finding slice = factor == null ? zeroSlice(ev) : null;
    if (slice != null) {
      out.add(slice);
    } else {
      out.addAll(confined(ev));
    }
    return out;
  }

  /** The analytic gradient is 0 for every entry of a tensor of two or more entries. */
  static Finding zeroTensor(Evidence ev) {
    if (ev.size() < 2) {
      return null;
    }
    for (int i = 0; i < ev.size(); i++) {
      if (!isZero(ev, ev.analytic()[i])) {
        return null;
      }
    }
    int nonZero = countNumericNonZero(ev, i -> true);
    if (nonZero < 2) {
      return null;
    }
    return new Finding(
        ev.tensor(),
        Kind.ZERO,
        "the analytic gradient is 0 for the whole tensor, the numeric one is not: a missing term,"
            + " or a gradient never written?",
        String.format(
            "all %d analytic entries are 0; %d numeric %s beyond the tolerance from 0",
            ev.size(), nonZero, nonZero == 1 ? "entry is" : "entries are"));
  }

  /** Analytic entries are numeric entries with their indices permuted within one tensor. */
  static Finding permutation(Evidence ev) {
    int[] shape = ev.shape();
    for (int p = 0; p < shape.length; p++) {
      for (int q = p + 1; q < shape.length; q++) {
        if (shape[p] == shape[q] && shape[p] >= 2 && matches(ev, swapAxes(ev, p, q))) {
          return transposed(ev, p, q);
        }
      }
    }
    for (int d = 0; d < shape.length; d++) {
      int s = shape[d];
      if (s < 2) {
        continue;
      }
      if (matches(ev, along(ev, d, i -> s - 1 - i))) {
        return reversed(ev, d);
      }
      for (int k = 1; k < s; k++) {
        int shift = k;
        if (s > 2 && matches(ev, along(ev, d, i -> (i + shift) % s))) {
          return rotated(ev, d, k);
        }
      }
    }
    return null;
  }

  private static Finding transposed(Evidence ev, int p, int q) {
    String idx =
        ev.shape().length == 2 ? "[i, j] is numeric [j, i]" : "swaps axes " + p + " and " + q;
    return new Finding(
        ev.tensor(),
        Kind.PERMUTATION,
        "transposed (analytic " + idx + "): a matrix used where its transpose belongs?",
        String.format(
            "all %d entries agree once %s and %s are swapped (%d mismatch as they are)",
            ev.size(), ev.axes()[p], ev.axes()[q], ev.mismatching().length));
  }

  private static Finding reversed(Evidence ev, int d) {
    int s = ev.shape()[d];
    String axis = ev.axes()[d];
    String pattern =
        s == 2
            ? String.format(
                "entries swapped along %s (analytic at index 0 is numeric at index 1, and back)",
                axis)
            : String.format(
                "reversed along %s (analytic at i is numeric at %d - i): a flipped kernel or loop?",
                axis, s - 1);
    return new Finding(
        ev.tensor(),
        Kind.PERMUTATION,
        pattern,
        String.format(
            "all %d entries agree once %s along %s (%d mismatch as they are)",
            ev.size(), s == 2 ? "swapped" : "reversed", axis, ev.mismatching().length));
  }

  private static Finding rotated(Evidence ev, int d, int k) {
    int s = ev.shape()[d];
    String axis = ev.axes()[d];
    String pattern =
        2 * k == s
            ? String.format(
                "halves swapped along %s (analytic at i is numeric at i + %d, mod %d)", axis, k, s)
            : String.format(
                "shifted by %d along %s (analytic at i is numeric at i + %d, mod %d): an index off"
                    + " by %d?",
                k, axis, k, s, k);
    return new Finding(
        ev.tensor(),
        Kind.PERMUTATION,
        pattern,
        String.format(
            "all %d entries agree once shifted by %d along %s (%d mismatch as they are)",
            ev.size(), k, axis, ev.mismatching().length));
  }

  /** The analytic gradient is a constant multiple of the numeric one over the mismatches. */
  static Finding factor(Evidence ev) {
    int[] m = ev.mismatching();
    if (m.length < 2) {
      return null;
    }
    List<Double> candidates = new ArrayList<>(List.of(-1.0, 2.0, 0.5));
    for (int size : ev.dims().values()) {
      if (size >= 2) {
        candidates.add((double) size);
        candidates.add(1.0 / size);
      }
    }
    for (double c : candidates) {
      if (scales(ev, m, c)) {
        return factorFinding(ev, c, true);
      }
    }
    if (m.length < 3) {
      return null;
    }
    int j = m[0];
    for (int i : m) {
      if (Math.abs(ev.numeric()[i]) > Math.abs(ev.numeric()[j])) {
        j = i;
      }
    }
    double c = ev.analytic()[j] / ev.numeric()[j];
    if (!ev.numericNonZero(j) || !Double.isFinite(c) || c == 0 || !scales(ev, m, c)) {
      return null;
    }
    return factorFinding(ev, c, false);
  }

  private static boolean scales(Evidence ev, int[] entries, double c) {
    for (int i : entries) {
      if (!ev.agrees(ev.analytic()[i] / c, i) || !ev.numericNonZero(i)) {
        return false;
      }
    }
    return true;
  }

  private static Finding factorFinding(Evidence ev, double c, boolean exact) {
    int[] all = new int[ev.size()];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    boolean whole = scalesOrAgrees(ev, all, c);
    int k = ev.mismatching().length;
    String ratio = exact ? exact(c) : String.format(Locale.ROOT, "%.6g", c);
    String fix =
        c == -1
            ? "the sign is flipped"
            : ratio.startsWith("1/")
                ? "the analytic gradient is multiplied by " + ratio.substring(2)
                : "the analytic gradient is divided by " + ratio;
    String scope =
        whole
            ? String.format("all %d entries of %s agree once %s", ev.size(), ev.tensor(), fix)
            : String.format(
                "the %d mismatching %s agree once %s (the others agree as they are)",
                k, k == 1 ? "entry" : "entries", fix);
    String evidence =
        String.format(
            "analytic / numeric = %s for %s; %s",
            ratio, k == 1 ? "the mismatching entry" : "all " + k + " mismatching entries", scope);
    return new Finding(ev.tensor(), Kind.FACTOR, factorPattern(ev, c, exact), evidence);
  }

  private static boolean scalesOrAgrees(Evidence ev, int[] entries, double c) {
    for (int i : entries) {
      if (!ev.agrees(ev.analytic()[i] / c, i)) {
        return false;
      }
    }
    return true;
  }

  static String factorPattern(Evidence ev, double c, boolean exact) {
    if (!exact) {
      return String.format(
          Locale.ROOT, "a constant factor of %.6g (analytic = %.6g * numeric)", c, c);
    }
    if (c == -1) {
      return "a sign flip (analytic = -numeric)";
    }
    List<String> named = new ArrayList<>();
    for (Map.Entry<String, Integer> d : ev.dims().entrySet()) {
      // a forgotten 1/N divides by a dimension summed over, not one of the tensor's own axes
      boolean own = ev.ownDims().contains(d.getKey());
      if (!own && d.getValue() >= 2 && (d.getValue() == c || 1.0 / d.getValue() == c)) {
        named.add(d.getKey());
      }
    }
    if (named.isEmpty()) {
      return c == 2
          ? "a factor of 2 (analytic = 2 * numeric): a doubled term?"
          : "a factor of 1/2 (analytic = numeric / 2): a missing factor 2?";
    }
    String dim = named.get(0);
    int size = ev.dims().get(dim);
    String kept =
        String.format(
            "one of the %s = %d contributions kept (a sum overwritten, a term missing, or an extra"
                + " 1/%s)",
            dim, size, dim);
    if (c == 2) {
      return String.format("a factor of %s = 2: a missing 1/%s, or a doubled term?", dim, dim);
    }
    if (c == 0.5) {
      return String.format(
          "a factor of 1/2, which is also 1/%s (%s = 2): a missing factor 2, or %s?",
          dim, dim, kept);
    }
    return c > 1
        ? String.format("a factor of %s = %d: a missing 1/%s?", dim, size, dim)
        : String.format("a factor of 1/%s = 1/%d: %s?", dim, size, kept);
  }

  private static String exact(double c) {
    if (c == Math.rint(c)) {
      return String.valueOf((long) c);
    }
    double inverse = 1 / c;
    return inverse == Math.rint(inverse) ? "1/" + (long) inverse : String.valueOf(c);
  }

  /** The analytic gradient is 0 over one whole slice (row, column) holding every mismatch. */
  static Finding zeroSlice(Evidence ev) {
    int[] shape = ev.shape();
    if (shape.length < 2 || ev.mismatching().length < 2) {
      return null;
    }
    for (int d = 0; d < shape.length; d++) {
      Integer k = commonIndex(ev, d);
      if (k == null || shape[d] < 2) {
        continue;
      }
      int at = k;
      boolean allZero = true;
      for (int i = 0; i < ev.size(); i++) {
        if (ev.index(i)[d] == at && !isZero(ev, ev.analytic()[i])) {
          allZero = false;
        }
      }
      if (allZero) {
        int n = ev.size() / shape[d];
        return new Finding(
            ev.tensor(),
            Kind.ZERO,
            String.format(
                "the analytic gradient is 0 for the whole %s, the numeric one is not: a missing"
                    + " term?",
                slice(ev, d, at)),
            String.format(
                "all %d analytic entries at %s = %d are 0; every mismatch is among them",
                n, ev.axes()[d], at));
      }
    }
    return null;
  }

  /** Every mismatch (two or more) shares one index of one axis, and the rest agree. */
  static List<Finding> confined(Evidence ev) {
    List<Finding> out = new ArrayList<>();
    int[] shape = ev.shape();
    int[] m = ev.mismatching();
    if (m.length < 2) {
      return out;
    }
    for (int i : m) {
      double a = ev.analytic()[i];
      double n = ev.numeric()[i];
      if (Math.abs(a - n) < LARGE * Math.max(Math.abs(a), Math.abs(n))) {
        // small errors just over the tolerance sit where the gradient is largest, not at a bug
        return out;
      }
    }
    for (int d = 0; d < shape.length && out.size() < 2; d++) {
      Integer k = commonIndex(ev, d);
      if (k == null || shape[d] < 2) {
        continue;
      }
      int at = k;
      int axis = d;
      int others = ev.size() - ev.size() / shape[d];
      int witnesses = countNumericNonZero(ev, i -> ev.index(i)[axis] != at);
      if (witnesses == 0) {
        continue;
      }
      out.add(
          new Finding(
              ev.tensor(),
              Kind.CONFINED,
              String.format(
                  "mismatches only at %s: a loop bound, or one unit's term?", slice(ev, d, at)),
              String.format(
                  "all %d mismatching entries have %s = %d; the %d entries at other %s agree, %d of"
                      + " them with a numeric gradient beyond the tolerance from 0",
                  m.length, ev.axes()[d], at, others, ev.axes()[d], witnesses)));
    }
    return out;
  }

  private static String slice(Evidence ev, int d, int k) {
    int s = ev.shape()[d];
    String where = k == 0 ? "the first" : k == s - 1 ? "the last" : "index " + k;
    String kind = ev.shape().length == 2 ? (d == 0 ? "row" : "column") + " " : "";
    return String.format("%s%s = %d (%s of %d)", kind, ev.axes()[d], k, where, s);
  }

  private static Integer commonIndex(Evidence ev, int d) {
    Integer k = null;
    for (int i : ev.mismatching()) {
      int at = ev.index(i)[d];
      if (k != null && k != at) {
        return null;
      }
      k = at;
    }
    return k;
  }

  private static boolean isZero(Evidence ev, double a) {
    return Math.abs(a) <= ev.atol();
  }

  private static int countNumericNonZero(Evidence ev, IntPredicate select) {
    int n = 0;
    for (int i = 0; i < ev.size(); i++) {
      if (select.test(i) && ev.numericNonZero(i)) {
        n++;
      }
    }
    return n;
  }

  private static boolean matches(Evidence ev, IntUnaryOperator permuted) {
    for (int i = 0; i < ev.size(); i++) {
      if (!ev.agrees(ev.analytic()[i], permuted.applyAsInt(i))) {
        return false;
      }
    }
    return true;
  }

  private static IntUnaryOperator swapAxes(Evidence ev, int p, int q) {
    return i -> {
      int[] idx = ev.index(i);
      int t = idx[p];
      idx[p] = idx[q];
      idx[q] = t;
      return ev.flat(idx);
    };
  }

  private static IntUnaryOperator along(Evidence ev, int d, IntUnaryOperator map) {
    return i -> {
      int[] idx = ev.index(i);
      idx[d] = map.applyAsInt(idx[d]);
      return ev.flat(idx);
    };
  }
}
