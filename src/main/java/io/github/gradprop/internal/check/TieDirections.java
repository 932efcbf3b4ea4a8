package io.github.gradprop.internal.check;

import io.github.gradprop.EntryCheck;
import io.github.gradprop.Verdict;
import io.github.gradprop.internal.numerics.Stencil;
import io.github.gradprop.internal.verdict.Classification;
import io.github.gradprop.internal.verdict.EntryClassifier;
import io.github.gradprop.internal.verdict.EntryComparison;
import io.github.gradprop.model.Parameters;
import io.github.gradprop.model.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks the analytic gradient along directions that move several kink entries together, the only
 * way to see a bug that lives at ties: a max that passes the gradient to every tied input looks,
 * entry by entry, like a valid one-sided derivative, but moving all tied inputs together keeps them
 * tied, the loss is smooth along that direction, and the projection of the analytic gradient is off
 * by the number of ties.
 *
 * <p>The directions are, per tensor, the groups of kink entries with the same one-sided derivatives
 * (the inputs of one tie see the same jump) and all kink entries of the tensor; then the groups
 * with the same one-sided derivatives across tensors (the two pieces of a maxout unit live in two
 * weight tensors). A smooth direction whose projection clearly disagrees is only reported if it
 * disagrees again a little further along the direction, on both sides. That guards against
 * coincident kinks: a direction can cross two kinks that cancel ({@code relu(t) - relu(-t) = t}),
 * making the loss smooth along it while the usual convention {@code relu'(0) = 0} gives a
 * projection of 0; once moved along such a direction, the kinks are behind, the point is generic
 * and a correct backward pass agrees. Along a tie, the tie persists and so does a tie bug.
 */
final class TieDirections {

  /** At most this many directions per tensor, and again across tensors. */
  static final int MAX_DIRECTIONS = 8;

  /** How far along the direction the disagreement must persist, relative to {@code max(1, |v|)}. */
  static final double ALONG = 1e-3;

  /** A disagreement is clear when its relative error exceeds this. */
  static final double CLEAR = 0.1;

  /** An entry at a kink with its one-sided derivatives. */
  record KinkEntry(int tensor, int flatIndex, double minus, double plus) {}

  /** A confirmed tie mismatch and the entries moved together, as text such as {@code w[0, 1]}. */
  record Finding(EntryCheck failure, List<String> entries) {}

  private final Invoker invoker;
  private final EntryClassifier classifier;
  private final Stencil stencil = new Stencil();
  private final double baseLoss;
  private final List<Tensor> targets;
  private final List<double[]> analytics;
  private final int parameterTensors;

  TieDirections(
      Invoker invoker,
      EntryClassifier classifier,
      double baseLoss,
      List<Tensor> targets,
      List<double[]> analytics,
      int parameterTensors) {
    this.invoker = invoker;
    this.classifier = classifier;
    this.baseLoss = baseLoss;
    this.targets = targets;
    this.analytics = analytics;
    this.parameterTensors = parameterTensors;
  }

  /** Checks every direction built from {@code kinks}, the kink entries of all tensors. */
  List<Finding> check(List<KinkEntry> kinks) {
    List<Finding> findings = new ArrayList<>();
    List<List<KinkEntry>> failing = new ArrayList<>();
    for (List<KinkEntry> direction : directions(kinks)) {
      if (containsAny(direction, failing)) {
        continue; // the smaller direction inside it already shows the bug
      }
      Finding f = checkDirection(direction);
      if (f != null) {
        findings.add(f);
        failing.add(direction);
      }
    }
    return findings;
  }

  private static boolean containsAny(List<KinkEntry> direction, List<List<KinkEntry>> failing) {
    for (List<KinkEntry> f : failing) {
      if (direction.containsAll(f)) {
        return true;
      }
    }
    return false;
  }

  private Finding checkDirection(List<KinkEntry> direction) {
    int m = direction.size();
    Tensor[] tensors = new Tensor[m];
    int[] indices = new int[m];
    double[] base = new double[m];
    double scale = 1;
    double projection = 0;
    for (int k = 0; k < m; k++) {
      KinkEntry e = direction.get(k);
      tensors[k] = targets.get(e.tensor());
      indices[k] = e.flatIndex();
      base[k] = tensors[k].get(indices[k]);
      scale = Math.max(scale, Math.abs(base[k]));
      projection += analytics.get(e.tensor())[e.flatIndex()];
    }
    Invoker.DirectionProbe probe = invoker.directionProbe();
    probe.focus(tensors, indices, base);
    Classification c = classifier.classify(stencil, probe, baseLoss, 0, scale, projection);
    probe.restore();
    if (!clearDisagreement(c, projection)) {
      return null;
    }
    double directional = c.numeric();
    double tolerance = c.tolerance();
    if (!persists(direction, tensors, indices, base, scale, 1)
        || !persists(direction, tensors, indices, base, scale, -1)) {
      return null;
    }
    List<String> entries = new ArrayList<>();
    for (int k = 0; k < m; k++) {
      entries.add(tensors[k].name() + tensors[k].indexText(indices[k]));
    }
    EntryCheck failure =
        new EntryCheck(
            tensors[0].name(),
            tensors[0].index(indices[0]),
            indices[0],
            projection,
            directional,
            EntryComparison.relativeError(projection, directional),
            tolerance,
            Verdict.KINK_MISMATCH);
    return new Finding(failure, entries);
  }

  private static boolean clearDisagreement(Classification c, double projection) {
    if (!c.smoothMismatch()) {
      return false;
    }
    double d = c.numeric();
    double error = Math.abs(projection - d);
    return error > 10 * c.tolerance() && EntryComparison.relativeError(projection, d) > CLEAR;
  }

  /** Whether the projection still clearly disagrees after moving {@code sign * ALONG} along. */
  private boolean persists(
      List<KinkEntry> direction,
      Tensor[] tensors,
      int[] indices,
      double[] base,
      double scale,
      int sign) {
    double along = sign * ALONG * scale;
    double[] moved = new double[base.length];
    for (int k = 0; k < base.length; k++) {
      moved[k] = base[k] + along;
      tensors[k].set(indices[k], moved[k]);
    }
    try {
      double loss = invoker.loss("loss(...) along a tie direction");
      Parameters gradient = invoker.gradient();
      Tensor inputGradient = null;
      double projection = 0;
      for (KinkEntry e : direction) {
        Tensor g;
        if (e.tensor() < parameterTensors) {
          g = gradient.tensors().get(e.tensor());
        } else {
          if (inputGradient == null) {
            inputGradient = invoker.inputGradient();
          }
          g = inputGradient;
        }
        projection += g.get(e.flatIndex());
      }
      Invoker.DirectionProbe probe = invoker.directionProbe();
      probe.focus(tensors, indices, moved);
      return clearDisagreement(
          classifier.classify(stencil, probe, loss, 0, scale, projection), projection);
    } finally {
      for (int k = 0; k < base.length; k++) {
        tensors[k].set(indices[k], base[k]);
      }
    }
  }

  /**
   * Per tensor, the groups of kink entries with equal one-sided derivatives and all of them; then
   * groups with equal one-sided derivatives that span several tensors. Only directions of two or
   * more entries, each direction once.
   */
  static List<List<KinkEntry>> directions(List<KinkEntry> kinks) {
    Set<List<KinkEntry>> directions = new LinkedHashSet<>();
    int tensors = 0;
    for (KinkEntry e : kinks) {
      tensors = Math.max(tensors, e.tensor() + 1);
    }
    for (int t = 0; t < tensors; t++) {
      List<KinkEntry> own = new ArrayList<>();
      for (KinkEntry e : kinks) {
        if (e.tensor() == t) {
          own.add(e);
        }
      }
      List<List<KinkEntry>> groups = groups(own);
      directions.addAll(groups.subList(0, Math.min(MAX_DIRECTIONS - 1, groups.size())));
      if (own.size() >= 2) {
        directions.add(own);
      }
    }
    int across = 0;
    for (List<KinkEntry> g : groups(kinks)) {
      if (across < MAX_DIRECTIONS && spansTensors(g) && directions.add(g)) {
        across++;
      }
    }
    return new ArrayList<>(directions);
  }

  private static boolean spansTensors(List<KinkEntry> group) {
    for (KinkEntry e : group) {
      if (e.tensor() != group.get(0).tensor()) {
        return true;
      }
    }
    return false;
  }

  /** Groups of two or more entries with equal one-sided derivatives, largest first. */
  private static List<List<KinkEntry>> groups(List<KinkEntry> kinks) {
    List<List<KinkEntry>> groups = new ArrayList<>();
    boolean[] taken = new boolean[kinks.size()];
    for (int a = 0; a < kinks.size(); a++) {
      if (taken[a]) {
        continue;
      }
      List<KinkEntry> members = new ArrayList<>();
      members.add(kinks.get(a));
      taken[a] = true;
      for (int b = a + 1; b < kinks.size(); b++) {
        if (!taken[b] && sameSlopes(kinks.get(a), kinks.get(b))) {
          members.add(kinks.get(b));
          taken[b] = true;
        }
      }
      if (members.size() >= 2) {
        groups.add(members);
      }
    }
    groups.sort((x, y) -> Integer.compare(y.size(), x.size()));
    return groups;
  }

  private static boolean sameSlopes(KinkEntry x, KinkEntry y) {
    return close(x.minus(), y.minus()) && close(x.plus(), y.plus());
  }

  private static boolean close(double u, double v) {
    return Math.abs(u - v) <= 1e-6 + 1e-3 * Math.max(Math.abs(u), Math.abs(v));
  }
}
