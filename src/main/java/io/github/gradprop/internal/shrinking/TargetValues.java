package io.github.gradprop.internal.shrinking;

import io.github.gradprop.TargetKind;
import io.github.gradprop.model.Case;
import io.github.gradprop.model.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * Simpler targets that stay of the same kind: a one-hot row stays one-hot (its 1 moves to index 0),
 * binary stays binary (1 becomes 0), probabilities stay in [0, 1].
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
}
