package io.github.gradprop.model;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * The declared, symbolic shape of one named tensor, such as {@code w1[hidden, in + 1]}.
 *
 * <p>You only <em>call</em> this type: {@link ModelSpec} creates it from the axis expressions you
 * give.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class TensorSpec {

  private final String name;
  private final List<ShapeExpression> axes;

  TensorSpec(String name, String... axes) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("A tensor needs a non-blank name");
    }
    this.name = name;
    List<ShapeExpression> parsed = new ArrayList<>();
    for (String axis : axes) {
      if (axis == null) {
        throw new IllegalArgumentException("Tensor `" + name + "` has a null axis");
      }
      parsed.add(ShapeExpression.parse(axis));
    }
    this.axes = Collections.unmodifiableList(parsed);
  }

  /** The tensor's name, as used in reports. */
  public String name() {
    return name;
  }

  /** The number of axes. */
  public int rank() {
    return axes.size();
  }

  /** The text of axis {@code i}, e.g. {@code "in + 1"}. */
  public String axis(int i) {
    return axes.get(i).toString();
  }

  /** The dimension names this tensor's axes mention, in order of appearance. */
  public Set<String> dims() {
    Set<String> names = new LinkedHashSet<>();
    for (ShapeExpression axis : axes) {
      names.addAll(axis.names());
    }
    return names;
  }

  /** The dimension that axis {@code i} is, when the axis is a bare name; null otherwise. */
  public String bareDim(int i) {
    return axes.get(i).bareName();
  }

  /** The concrete shape for the given dimension values. */
  public int[] shape(Map<String, Integer> dims) {
    int[] shape = new int[axes.size()];
    for (int i = 0; i < shape.length; i++) {
      try {
        shape[i] = axes.get(i).evaluate(dims);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("Tensor `" + name + "`: " + e.getMessage(), e);
      }
    }
    return shape;
  }

  Integer solveAxis(int axis, String unknown, int size, Map<String, Integer> known) {
    return axes.get(axis).solveFor(unknown, size, known);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(name).append('[');
    for (int i = 0; i < axes.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(axes.get(i));
    }
    return sb.append(']').toString();
  }
}
