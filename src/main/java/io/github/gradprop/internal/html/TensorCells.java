package io.github.gradprop.internal.html;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.github.gradprop.EntryCheck;
import io.github.gradprop.GradientCheckResult;
import io.github.gradprop.Verdict;
import io.github.gradprop.model.Case;
import io.github.gradprop.model.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * One parameter tensor of one check, laid out for a heat map: rows by columns (the last axis is the
 * column, all others make the row), each entry's analytic and numeric derivative, relative error
 * and verdict.
 *
 * @param name the tensor's name
 * @param shape its shape
 * @param analytic row-major analytic gradient
 * @param numeric row-major numeric gradient
 * @param verdicts each entry's verdict ({@code OK} unless the result names it)
 */
@API(status = INTERNAL, since = "0.1")
public record TensorCells(
    String name, int[] shape, double[] analytic, double[] numeric, Verdict[] verdicts) {

  /** Every checked tensor of {@code result}, shaped as in {@code aCase}. */
  public static List<TensorCells> of(GradientCheckResult result, Case aCase) {
    List<TensorCells> all = new ArrayList<>();
    for (String name : result.tensors()) {
      all.add(of(result, aCase, name));
    }
    return all;
  }

  static TensorCells of(GradientCheckResult result, Case aCase, String name) {
    double[] a = result.analytic(name);
    double[] n = result.numeric(name);
    int[] shape = shapeOf(aCase, name, a.length);
    Verdict[] verdicts = new Verdict[a.length];
    Arrays.fill(verdicts, Verdict.OK);
    for (EntryCheck e : result.nonSmoothEntries()) {
      mark(verdicts, name, e, e.verdict());
    }
    Map<String, Integer> flatOf = null;
    for (EntryCheck e : result.failures()) {
      if (e.verdict() != Verdict.KINK_MISMATCH) {
        mark(verdicts, name, e, e.verdict());
        continue;
      }
      if (flatOf == null) {
        flatOf = flatIndices(name, shape, a.length);
      }
      for (String tied : result.tiedEntries(e)) {
        Integer i = flatOf.get(tied);
        if (i != null) {
          verdicts[i] = Verdict.KINK_MISMATCH;
        }
      }
    }
    return new TensorCells(name, shape, a, n, verdicts);
  }

  private static void mark(Verdict[] verdicts, String name, EntryCheck e, Verdict v) {
    if (e.tensor().equals(name) && e.flatIndex() >= 0 && e.flatIndex() < verdicts.length) {
      verdicts[e.flatIndex()] = v;
    }
  }

  private static int[] shapeOf(Case aCase, String name, int size) {
    if (aCase != null) {
      for (Tensor t : aCase.parameters().tensors()) {
        if (t.name().equals(name) && t.size() == size) {
          return t.shape();
        }
      }
    }
    return new int[] {size};
  }

  private static Map<String, Integer> flatIndices(String name, int[] shape, int size) {
    Map<String, Integer> m = new HashMap<>();
    for (int i = 0; i < size; i++) {
      m.put(name + Arrays.toString(index(shape, i)), i);
    }
    return m;
  }

  static int[] index(int[] shape, int i) {
    int[] index = new int[shape.length];
    for (int axis = shape.length - 1; axis >= 0; axis--) {
      index[axis] = i % shape[axis];
      i /= shape[axis];
    }
    return index;
  }

  /** The number of entries. */
  public int size() {
    return analytic.length;
  }

  /** Columns of the heat map: the last axis (1 for a scalar). */
  public int columns() {
    return shape.length == 0 ? 1 : Math.max(1, shape[shape.length - 1]);
  }

  /** Rows of the heat map: the product of every axis but the last. */
  public int rows() {
    return Math.max(1, (size() + columns() - 1) / columns());
  }

  /** The entry's index as text, e.g. {@code [0, 2]}. */
  public String indexText(int i) {
    return Arrays.toString(index(shape, i));
  }

  /** {@code |a - n| / max(|a|, |n|)}, 0 when both are 0, NaN when either is not finite. */
  public double relativeError(int i) {
    double a = analytic[i];
    double n = numeric[i];
    if (!Double.isFinite(a) || !Double.isFinite(n)) {
      return Double.NaN;
    }
    double scale = Math.max(Math.abs(a), Math.abs(n));
    return scale == 0 ? 0 : Math.abs(a - n) / scale;
  }

  /** The CSS class of entry {@code i}: {@code ok}, {@code mismatch}, {@code kink} or ... */
  public String cssClass(int i) {
    return cssClass(verdicts[i]);
  }

  static String cssClass(Verdict v) {
    return switch (v) {
      case OK -> "ok";
      case KINK, KINK_ARTIFACT -> "kink";
      case UNRESOLVED -> "unresolved";
      case NON_FINITE -> "mismatch nonfinite";
      default -> "mismatch";
    };
  }
}
