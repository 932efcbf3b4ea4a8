package io.github.gradprop.internal.check;

import io.github.gradprop.EntryCheck;
import io.github.gradprop.Verdict;
import io.github.gradprop.internal.verdict.EntryClassifier;
import io.github.gradprop.internal.verdict.EntryComparison;
import io.github.gradprop.model.Parameters;
import io.github.gradprop.model.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks the analytic gradient along directions that move several kink entries of one tensor
 * together, the only way to see a bug that lives at ties: a max that passes the gradient to every
 * tied input looks, entry by entry, like a valid one-sided derivative, but moving all tied inputs
 * together keeps them tied, the loss is smooth along that direction, and the projection of the
 * analytic gradient is off by the number of ties.
 *
 * <p>The directions are the groups of kink entries with the same one-sided derivatives (the inputs
 * of one tie see the same jump), and all kink entries of the tensor. A smooth direction whose
 * projection clearly disagrees is only reported if it disagrees again a little further along the
 * direction, on both sides. That guards against coincident kinks: a direction can cross two kinks
 * that cancel ({@code relu(t) - relu(-t) = t}), making the loss smooth along it while the usual
 * convention {@code relu'(0) = 0} gives a projection of 0; once moved along such a direction, the
 * kinks are behind, the point is generic and a correct backward pass agrees. Along a tie, the tie
 * persists and so does a tie bug.
 */
final class TieDirections {

  /** At most this many directions per tensor. */
  static final int MAX_DIRECTIONS = 8;

  /** How far along the direction the disagreement must persist, relative to {@code max(1, |v|)}. */
  static final double ALONG = 1e-3;

  /** A disagreement is clear when its relative error exceeds this. */
  static final double CLEAR = 0.1;

  /** An entry at a kink with its one-sided derivatives. */
  record KinkEntry(int flatIndex, double minus, double plus) {}

  /** A confirmed tie mismatch. */
  record Finding(EntryCheck failure, List<int[]> entries) {}

  private final Invoker invoker;
  private final EntryClassifier classifier;
  private final double baseLoss;
  private final int parameterTensors;

  TieDirections(Invoker invoker, EntryClassifier classifier, double baseLoss, int parameterTensors) {
    this.invoker = invoker;
    this.classifier = classifier;
    this.baseLoss = baseLoss;
    this.parameterTensors = parameterTensors;
  }

  List<Finding> check(Tensor t, int tensorIndex, double[] analytic, List<KinkEntry> kinks) {
    List<Finding> findings = new ArrayList<>();
    if (kinks.size() < 2) {
      return findings;
    }
    Invoker.DirectionProbe probe = invoker.directionProbe();
    for (int[] group : directions(kinks)) {
      double[] base = new double[group.length];
      double scale = 1;
      double projection = 0;
      for (int k = 0; k < group.length; k++) {
        base[k] = t.get(group[k]);
        scale = Math.max(scale, Math.abs(base[k]));
        projection += analytic[group[k]];
      }
      classifier.base(baseLoss);
      probe.focus(t, group, base);
      classifier.classify(probe, 0, scale, projection);
      probe.restore();
      if (!clearDisagreement(projection)) {
        continue;
      }
      double directional = classifier.numeric();
      double tolerance = classifier.tolerance();
      if (persists(t, tensorIndex, group, base, scale, 1) && persists(t, tensorIndex, group, base, scale, -1)) {
        List<int[]> entries = new ArrayList<>();
        for (int i : group) {
          entries.add(t.index(i));
        }
        EntryCheck failure =
            new EntryCheck(
                t.name(),
                t.index(group[0]),
                group[0],
                projection,
                directional,
                EntryComparison.relativeError(projection, directional),
                tolerance,
                Verdict.KINK_MISMATCH);
        findings.add(new Finding(failure, entries));
      }
    }
    classifier.base(baseLoss);
    return findings;
  }

  private boolean clearDisagreement(double projection) {
    if (classifier.kind() != EntryClassifier.Kind.SMOOTH || classifier.agrees()) {
      return false;
    }
    double d = classifier.numeric();
    double error = Math.abs(projection - d);
    return error > 10 * classifier.tolerance()
        && EntryComparison.relativeError(projection, d) > CLEAR;
  }

  /** Whether the projection still clearly disagrees after moving {@code sign * ALONG} along. */
  private boolean persists(
      Tensor t, int tensorIndex, int[] group, double[] base, double scale, int sign) {
    double along = sign * ALONG * scale;
    double[] moved = new double[group.length];
    for (int k = 0; k < group.length; k++) {
      moved[k] = base[k] + along;
      t.set(group[k], moved[k]);
    }
    try {
      double loss = invoker.loss("loss(...) along a tie direction");
      Tensor gradient;
      if (tensorIndex < parameterTensors) {
        Parameters g = invoker.gradient();
        gradient = g.tensors().get(tensorIndex);
      } else {
        gradient = invoker.inputGradient();
      }
      double projection = 0;
      for (int i : group) {
        projection += gradient.get(i);
      }
      Invoker.DirectionProbe probe = invoker.directionProbe();
      probe.focus(t, group, moved);
      classifier.base(loss);
      classifier.classify(probe, 0, scale, projection);
      return clearDisagreement(projection);
    } finally {
      for (int k = 0; k < group.length; k++) {
        t.set(group[k], base[k]);
      }
    }
  }

  /** Groups of kink entries with equal one-sided derivatives, then all of them; sizes >= 2. */
  static List<int[]> directions(List<KinkEntry> kinks) {
    List<int[]> groups = new ArrayList<>();
    boolean[] taken = new boolean[kinks.size()];
    int largest = 0;
    for (int a = 0; a < kinks.size(); a++) {
      if (taken[a]) {
        continue;
      }
      KinkEntry first = kinks.get(a);
      List<Integer> members = new ArrayList<>();
      members.add(first.flatIndex());
      taken[a] = true;
      for (int b = a + 1; b < kinks.size(); b++) {
        if (!taken[b] && sameSlopes(first, kinks.get(b))) {
          members.add(kinks.get(b).flatIndex());
          taken[b] = true;
        }
      }
      if (members.size() >= 2) {
        groups.add(members.stream().mapToInt(Integer::intValue).toArray());
        largest = Math.max(largest, members.size());
      }
    }
    groups.sort((x, y) -> Integer.compare(y.length, x.length));
    if (groups.size() > MAX_DIRECTIONS - 1) {
      groups = new ArrayList<>(groups.subList(0, MAX_DIRECTIONS - 1));
    }
    if (kinks.size() > largest) {
      int[] all = new int[kinks.size()];
      for (int k = 0; k < all.length; k++) {
        all[k] = kinks.get(k).flatIndex();
      }
      Arrays.sort(all);
      groups.add(all);
    }
    return groups;
  }

  private static boolean sameSlopes(KinkEntry x, KinkEntry y) {
    return close(x.minus(), y.minus()) && close(x.plus(), y.plus());
  }

  private static boolean close(double u, double v) {
    return Math.abs(u - v) <= 1e-6 + 1e-3 * Math.max(Math.abs(u), Math.abs(v));
  }

  /** The tied entries as text for a report, e.g. {@code [0, 1], [1, 1]}. */
  static String entriesText(List<int[]> entries, int max) {
    StringBuilder sb = new StringBuilder();
    for (int k = 0; k < Math.min(max, entries.size()); k++) {
      sb.append(k == 0 ? "" : ", ").append(Arrays.toString(entries.get(k)));
    }
    if (entries.size() > max) {
      sb.append(", ... (").append(entries.size()).append(" entries)");
    }
    return sb.toString();
  }

  static Map<EntryCheck, List<int[]>> asMap(List<Finding> findings) {
    Map<EntryCheck, List<int[]>> map = new LinkedHashMap<>();
    for (Finding f : findings) {
      map.put(f.failure(), f.entries());
    }
    return map;
  }
}
