package io.github.gradprop.internal.shrinking;

import io.github.gradprop.TargetKind;
import io.github.gradprop.model.Case;
import io.github.gradprop.model.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * Simpler targets that stay of the same kind: a one-hot row stays one-hot (its 1 moves to index 0),
 * binary stays binary (1 becomes 0), probabilities stay in [0, 1], a distribution row stays a
 * distribution (an entry's mass moves to the row's first entry, or the row becomes one-hot or an
 * even split of two entries).
 */
final class TargetValues {

  private TargetValues() {}

  static List<Case> simpler(Case c, int tensor, int i, TargetKind kind) {
    Tensor t = c.tensors().get(tensor);
    double v = t.get(i);
    List<Case> out = new ArrayList<>();
    switch (kind) {
      case CLASS_INDEX:
        for (int label = 0; label < v; label++) {
          out.add(CaseEdits.withValue(c, tensor, i, label));
        }
        return out;
      case ONE_HOT:
        {
          int classes = t.rank() == 0 ? 1 : t.shape(t.rank() - 1);
          int column = i % classes;
          if (v == 1.0 && column > 0) {
            Case moved = c.copy();
            Tensor m = moved.tensors().get(tensor);
            m.set(i, 0.0);
            m.set(i - column, 1.0);
            out.add(moved);
          }
          return out;
        }
      case DISTRIBUTION:
        return simplerDistributions(c, tensor, i);
      case BINARY:
        if (v == 1.0) {
          out.add(CaseEdits.withValue(c, tensor, i, 0.0));
        }
        return out;
      case PROBABILITY:
        for (double s : SimpleValues.simplerThan(v)) {
          if (s >= 0 && s <= 1) {
            out.add(CaseEdits.withValue(c, tensor, i, s));
          }
        }
        return out;
      case REAL:
      default:
        for (double s : SimpleValues.simplerThan(v)) {
          out.add(CaseEdits.withValue(c, tensor, i, s));
        }
        return out;
    }
  }

  /**
   * Simpler rows that stay distributions, for entry {@code i}'s row, each with no more nonzero
   * entries than the row (so shrinking cannot cycle): one-hot at the first entry; one-hot at {@code
   * i} and an even split between the first entry and {@code i}, if they have fewer nonzero entries
   * (or the same two, unevenly); {@code i}'s mass moved to the first entry.
   */
  private static List<Case> simplerDistributions(Case c, int tensor, int i) {
    Tensor t = c.tensors().get(tensor);
    int classes = t.rank() == 0 ? 1 : t.shape(t.rank() - 1);
    int start = i - i % classes;
    int column = i - start;
    double[] row = new double[classes];
    int nonzero = 0;
    for (int j = 0; j < classes; j++) {
      row[j] = t.get(start + j);
      nonzero += row[j] != 0.0 ? 1 : 0;
    }
    List<double[]> rows = new ArrayList<>();
    rows.add(oneHot(classes, 0));
    if (nonzero > 1) {
      rows.add(oneHot(classes, column));
    }
    boolean unevenPair = nonzero == 2 && row[0] != 0.0 && row[column] != 0.0 && row[0] != 0.5;
    if (column > 0 && (nonzero > 2 || unevenPair)) {
      double[] split = new double[classes];
      split[0] = 0.5;
      split[column] = 0.5;
      rows.add(split);
    }
    if (column > 0 && row[column] != 0.0) {
      double[] moved = row.clone();
      moved[0] += moved[column];
      moved[column] = 0.0;
      rows.add(moved);
    }
    List<Case> out = new ArrayList<>();
    for (double[] r : rows) {
      if (!java.util.Arrays.equals(r, row)) {
        Case copy = c.copy();
        Tensor m = copy.tensors().get(tensor);
        for (int j = 0; j < classes; j++) {
          m.set(start + j, r[j]);
        }
        out.add(copy);
      }
    }
    return out;
  }

  private static double[] oneHot(int classes, int hot) {
    double[] r = new double[classes];
    r[hot] = 1.0;
    return r;
  }
}
