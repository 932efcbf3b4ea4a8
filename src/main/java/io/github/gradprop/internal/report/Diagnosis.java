package io.github.gradprop.internal.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.github.gradprop.EntryCheck;
import io.github.gradprop.GradientCheckResult;
import io.github.gradprop.Verdict;
import io.github.gradprop.model.ModelSpec;
import io.github.gradprop.model.TensorSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * What the pattern of a failing check's mismatches looks like: a constant factor, a sign, a
 * permutation within a tensor, a zero gradient, mismatches confined to one index. An immutable
 * value: each {@link Finding} names its tensor, the pattern, and what was checked on the numbers
 * (with the check's own tolerance) to support it. Empty when nothing is supported by the evidence;
 * the text report and the HTML page render the same value.
 */
@API(status = INTERNAL, since = "0.1")
public final class Diagnosis {

  /**
   * One supported pattern.
   *
   * @param tensor the tensor it is about
   * @param kind the pattern's kind, for renderers that style them apart
   * @param pattern what it looks like, e.g. {@code a factor of batch = 2: a missing 1/N?}
   * @param evidence what was checked, e.g. {@code analytic / numeric = 2 for both ...}
   */
  public record Finding(String tensor, Kind kind, String pattern, String evidence) {}

  /** The kinds of pattern, in the order they are tried. */
  public enum Kind {
    ZERO,
    PERMUTATION,
    FACTOR,
    CONFINED
  }

  private static final Diagnosis NONE = new Diagnosis(List.of());

  private final List<Finding> findings;

  private Diagnosis(List<Finding> findings) {
    this.findings = List.copyOf(findings);
  }

  /** No finding. */
  public static Diagnosis none() {
    return NONE;
  }

  /** The findings, in tensor order, at most a few per tensor. */
  public List<Finding> findings() {
    return findings;
  }

  /** Whether there is no finding. */
  public boolean isEmpty() {
    return findings.isEmpty();
  }

  /**
   * Diagnoses the mismatches of {@code r}, a check of a case of {@code spec}; {@link #none()} when
   * {@code r} passed, {@code spec} is null, or the evidence supports no pattern.
   */
  public static Diagnosis of(GradientCheckResult r, ModelSpec spec) {
    if (spec == null || r.passed() || r.failures().isEmpty()) {
      return NONE;
    }
    Map<String, List<EntryCheck>> byTensor = new LinkedHashMap<>();
    List<String> skip = new ArrayList<>();
    for (EntryCheck e : r.failures()) {
      if (e.verdict() != Verdict.MISMATCH) {
        skip.add(e.tensor());
      }
      byTensor.computeIfAbsent(e.tensor(), k -> new ArrayList<>()).add(e);
    }
    List<Finding> all = new ArrayList<>();
    for (String tensor : r.tensors()) {
      TensorSpec declared = declared(spec, tensor);
      if (!byTensor.containsKey(tensor) || skip.contains(tensor) || declared == null) {
        continue;
      }
      Evidence ev = Evidence.of(r, tensor, declared, byTensor.get(tensor));
      if (ev != null) {
        all.addAll(DiagnosisRules.findings(ev));
      }
    }
    return new Diagnosis(all);
  }

  private static TensorSpec declared(ModelSpec spec, String tensor) {
    for (TensorSpec t : spec.allTensors()) {
      if (t.name().equals(tensor)) {
        return t;
      }
    }
    return null;
  }

  /** The section below the mismatch table, or the empty string when there is no finding. */
  public String render() {
    if (findings.isEmpty()) {
      return "";
    }
    StringBuilder sb = new StringBuilder(String.format("looks like:%n"));
    for (Finding f : findings) {
      sb.append(String.format("  - %s: %s%n", f.tensor(), f.pattern()));
      sb.append(String.format("    checked: %s%n", f.evidence()));
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return findings.isEmpty() ? "Diagnosis[none]" : "Diagnosis" + findings;
  }

  /**
   * The numbers of one tensor the rules look at: both gradients, the shape and axis names, the
   * mismatching entries and the tolerance of each entry.
   */
  record Evidence(
      String tensor,
      double[] analytic,
      double[] numeric,
      int[] shape,
      String[] axes,
      java.util.Set<String> ownDims,
      Map<String, Integer> dims,
      int[] mismatching,
      double atol,
      double rtol,
      double rounding) {

    static Evidence of(
        GradientCheckResult r, String tensor, TensorSpec declared, List<EntryCheck> failing) {
      int[] shape;
      try {
        shape = declared.shape(r.dims());
      } catch (IllegalArgumentException e) {
        return null;
      }
      double[] a = r.analytic(tensor);
      double[] n = r.numeric(tensor);
      int size = 1;
      for (int s : shape) {
        size *= s;
      }
      if (size != a.length || size != n.length) {
        return null;
      }
      String[] axes = new String[shape.length];
      for (int i = 0; i < axes.length; i++) {
        String bare = declared.bareDim(i);
        axes[i] = bare != null ? bare : "axis " + i + " [" + declared.axis(i) + "]";
      }
      int[] m = new int[failing.size()];
      for (int k = 0; k < m.length; k++) {
        m[k] = failing.get(k).flatIndex();
      }
      java.util.Arrays.sort(m);
      return new Evidence(
          tensor,
          a,
          n,
          shape,
          axes,
          declared.dims(),
          r.dims(),
          m,
          r.options().atol(),
          r.options().rtol(),
          r.maxRounding());
    }

    int size() {
      return analytic.length;
    }

    /** Whether {@code value} agrees with the numeric entry {@code i} by the check's tolerance. */
    boolean agrees(double value, int i) {
      double tol = atol + rtol * Math.abs(numeric[i]) + rounding;
      return Math.abs(value - numeric[i]) <= tol;
    }

    /** Whether the numeric entry {@code i} is beyond the tolerance from 0. */
    boolean numericNonZero(int i) {
      return !agrees(0.0, i);
    }

    int[] index(int flat) {
      int[] idx = new int[shape.length];
      for (int d = shape.length - 1; d >= 0; d--) {
        idx[d] = flat % shape[d];
        flat /= shape[d];
      }
      return idx;
    }

    int flat(int[] idx) {
      int f = 0;
      for (int d = 0; d < shape.length; d++) {
        f = f * shape[d] + idx[d];
      }
      return f;
    }
  }
}
