package io.github.gradprop.internal.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.github.gradprop.model.Case;
import io.github.gradprop.model.Tensor;
import org.apiguardian.api.API;

/**
 * A case printed as Java array literals, values via {@link Double#toString} so they round-trip and
 * the case can be pasted into a test.
 */
@API(status = INTERNAL, since = "0.1")
public final class CaseText {

  static final int MAX_VALUES = 400;

  private CaseText() {}

  /**
   * Dimensions as the reports write them, {@code batch=2 hidden=3}: what {@link Case#dimsText()}
   * gives for a case with these dims (the API's {@code model} package cannot call in here, so the
   * two are kept alike by hand).
   */
  public static String dims(java.util.Map<String, Integer> dims) {
    StringBuilder sb = new StringBuilder();
    for (java.util.Map.Entry<String, Integer> e : dims.entrySet()) {
      sb.append(sb.length() == 0 ? "" : " ").append(e.getKey()).append('=').append(e.getValue());
    }
    return sb.toString();
  }

  /** One line per tensor, names padded so the {@code =} signs align. */
  public static String format(Case c) {
    int width = 0;
    for (Tensor t : c.tensors()) {
      width = Math.max(width, t.name().length());
    }
    StringBuilder sb = new StringBuilder();
    for (Tensor t : c.tensors()) {
      sb.append(String.format("  %-" + width + "s = %s%n", t.name(), literal(t)));
    }
    return sb.toString();
  }

  /** The tensor as a nested Java array literal, e.g. {@code {{0.0, 0.5}}}. */
  public static String literal(Tensor t) {
    StringBuilder sb = new StringBuilder();
    int[] shape = t.shape();
    if (shape.length == 0) {
      return Double.toString(t.get(0));
    }
    appendAxis(sb, t, shape, 0, 0);
    return sb.toString();
  }

  private static int appendAxis(StringBuilder sb, Tensor t, int[] shape, int axis, int offset) {
    int stride = 1;
    for (int a = axis + 1; a < shape.length; a++) {
      stride *= shape[a];
    }
    sb.append('{');
    for (int i = 0; i < shape[axis]; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      int start = offset + i * stride;
      if (start >= MAX_VALUES) {
        sb.append("... (").append(t.size() - start).append(" more values not shown)");
        break;
      }
      if (axis == shape.length - 1) {
        sb.append(t.get(start));
      } else {
        appendAxis(sb, t, shape, axis + 1, start);
      }
    }
    sb.append('}');
    return offset;
  }
}
