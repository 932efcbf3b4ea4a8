package io.github.gradprop.internal.check;

import io.github.gradprop.model.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * Tells a loss computed in {@code float} from a double loss whose values merely look like floats (a
 * coarsely rounded loss near 1e-10, as a stable log-sum-exp with large logits gives).
 *
 * <p>A loss that reads an entry as {@code float} depends only on the float nearest to it: the loss
 * is exactly constant on each float's rounding cell and can change only where the cells meet,
 * halfway between neighbouring floats. So, for a few entries, the probe snaps the entry to a float,
 * moves it by a few points inside that cell (a float loss cannot respond; any response proves
 * double), then steps float by float until the loss changes and looks just inside both sides of the
 * midpoint where it changed: a float loss takes exactly the two floats' values there. A double loss
 * that is rounded coarsely changes at its own rounding thresholds, which fall that close to the
 * midpoint only by chance (about 1 in 128 per change). Float is concluded from {@link #REQUIRED}
 * such changes and no contrary sign; fewer, and the finding is ambiguous.
 */
final class FloatProbe {

  /** What the probe concluded. */
  enum Finding {
    /** Some evidence a float loss cannot give: computed in double. */
    DOUBLE,
    /** Constant on float rounding cells and changing exactly at their edges: float. */
    FLOAT,
    /** Not enough changes of the loss to tell. */
    AMBIGUOUS
  }

  static final int REQUIRED = 3;
  private static final int ENTRIES = 6;
  private static final int MAX_ULPS = 1 << 12;
  private static final double[] INSIDE = {-0.375, -0.25, -0.125, 0.125, 0.25, 0.375};
  private static final double EDGE = 1.0 / 256;

  private FloatProbe() {}

  static Finding probe(
      Invoker.Probe probe, List<Tensor> tensors, List<double[]> analytics, int parameterTensors) {
    int changes = 0;
    for (int[] at : entries(tensors, analytics, parameterTensors)) {
      Tensor t = tensors.get(at[0]);
      int i = at[1];
      double theta = t.get(i);
      probe.focus(t);
      probe.entry(i, theta);
      try {
        int seen = changesAt(probe, (float) theta, REQUIRED - changes);
        if (seen < 0) {
          return Finding.DOUBLE;
        }
        changes += seen;
      } finally {
        t.set(i, theta);
      }
      if (changes >= REQUIRED) {
        return Finding.FLOAT;
      }
    }
    return Finding.AMBIGUOUS;
  }

  /**
   * How many float-consistent changes of the loss (up to {@code wanted}) this entry showed, walking
   * away from zero from {@code base}; -1 when it showed what a float loss cannot.
   */
  private static int changesAt(Invoker.Probe probe, float base, int wanted) {
    float from = base;
    for (int seen = 0; seen < wanted; seen++) {
      double cell = ulpStep(from, 1) - from;
      double l0 = probe.at(from);
      for (double d : INSIDE) {
        if (Double.compare(probe.at(from + d * cell), l0) != 0) {
          return -1;
        }
      }
      int k = nextChange(probe, from, l0);
      if (k == 0) {
        return seen;
      }
      if (!changesAtTheMidpoint(probe, from, k)) {
        return -1;
      }
      from = (float) ulpStep(from, k);
    }
    return wanted;
  }

  /** The fewest float steps from {@code base} at which the loss differs from {@code l0}, or 0. */
  private static int nextChange(Invoker.Probe probe, float base, double l0) {
    int below = 0;
    int k = 1;
    while (k <= MAX_ULPS && Double.compare(probe.at(ulpStep(base, k)), l0) == 0) {
      below = k;
      k *= 2;
    }
    if (k > MAX_ULPS) {
      return 0;
    }
    while (k - below > 1) {
      int mid = (below + k) >>> 1;
      if (Double.compare(probe.at(ulpStep(base, mid)), l0) == 0) {
        below = mid;
      } else {
        k = mid;
      }
    }
    return k;
  }

  /** Whether, just inside both sides of the midpoint before float {@code k}, the loss is theirs. */
  private static boolean changesAtTheMidpoint(Invoker.Probe probe, float base, int k) {
    int below = k - 1;
    double lo = ulpStep(base, below);
    double hi = ulpStep(base, k);
    double mid = lo + (hi - lo) / 2;
    double offset = (hi - lo) * EDGE;
    double atLo = probe.at(lo);
    return Double.compare(probe.at(mid - offset), atLo) == 0
        && Double.compare(probe.at(mid + offset), probe.at(hi)) == 0;
  }

  /** The float {@code k} steps from {@code base}, away from zero. */
  private static double ulpStep(float base, int k) {
    if (base == 0) {
      return Float.MIN_VALUE * k;
    }
    return Float.intBitsToFloat(Float.floatToRawIntBits(base) + k);
  }

  /** Parameter entries away from 0, largest analytic gradient first, at most {@link #ENTRIES}. */
  private static List<int[]> entries(
      List<Tensor> tensors, List<double[]> analytics, int parameterTensors) {
    List<int[]> all = new ArrayList<>();
    for (int k = 0; k < Math.min(parameterTensors, analytics.size()); k++) {
      Tensor t = tensors.get(k);
      for (int i = 0; i < t.size(); i++) {
        double v = t.get(i);
        if (Double.isFinite(v) && Math.abs(v) >= 1e-3 && Math.abs(v) < 1e30) {
          all.add(new int[] {k, i});
        }
      }
    }
    all.sort(
        (p, q) ->
            Double.compare(
                Math.abs(analytics.get(q[0])[q[1]]), Math.abs(analytics.get(p[0])[p[1]])));
    return all.subList(0, Math.min(ENTRIES, all.size()));
  }
}
