package io.github.gradprop.model;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Case shape inference for {@link Case.Builder}: the dimensions the arrays given imply, solved axis
 * by axis (expression axes included), then from the length of a flat parameter vector when one
 * dimension is left; fills the builder's {@code dims} map in place.
 */
final class CaseShapes {

  private final ModelSpec spec;
  private final Map<String, Integer> dims;
  private final Map<String, double[][]> matrices;
  private final Map<String, double[]> arrays;
  private final Map<String, double[][][]> cubes;
  private final Map<String, double[][][][]> rank4;
  private final double[] flat;

  CaseShapes(
      ModelSpec spec,
      Map<String, Integer> dims,
      Map<String, double[][]> matrices,
      Map<String, double[]> arrays,
      Map<String, double[][][]> cubes,
      Map<String, double[][][][]> rank4,
      double[] flat) {
    this.spec = spec;
    this.dims = dims;
    this.matrices = matrices;
    this.arrays = arrays;
    this.cubes = cubes;
    this.rank4 = rank4;
    this.flat = flat;
  }

  /** Infers every dimension not set by {@code .dim(...)}, or throws naming the first it cannot. */
  void infer() {
    solveAxes(observedShapes());
    inferFromFlatLength();
    requireAll();
  }

  /** The shapes of the arrays given, by tensor name. */
  private Map<String, int[]> observedShapes() {
    Map<String, int[]> shapes = new LinkedHashMap<>();
    for (Map.Entry<String, double[][]> e : matrices.entrySet()) {
      double[][] m = e.getValue();
      if (m != null && m.length > 0 && m[0] != null) {
        shapes.put(e.getKey(), new int[] {m.length, m[0].length});
      }
    }
    for (TensorSpec t : spec.allTensors()) {
      double[] a = arrays.get(t.name());
      if (a != null && t.rank() == 1) {
        shapes.put(t.name(), new int[] {a.length});
      }
      double[][][] cube = cubes.get(t.name());
      if (cube != null && t.rank() == 3) {
        int[] shape = Shapes.shapeOrNull(cube);
        if (shape != null) {
          shapes.put(t.name(), shape);
        }
      }
    }
    for (TensorSpec t : spec.allTensors()) {
      double[][][][] h = rank4.get(t.name());
      if (h != null && t.rank() == 4) {
        int[] shape = rank4Shape(h);
        if (shape == null) {
          throw new IllegalArgumentException(
              String.format(
                  "Model `%s`: the array given for `%s` is empty or not rectangular",
                  spec.name(), t.name()));
        }
        shapes.put(t.name(), shape);
      }
    }
    return shapes;
  }

  /** Solves axis sizes for unknown dimensions until nothing new is learnt. */
  private void solveAxes(Map<String, int[]> shapes) {
    boolean progress = true;
    while (progress) {
      progress = false;
      for (TensorSpec t : spec.allTensors()) {
        int[] shape = shapes.get(t.name());
        if (shape == null || shape.length != t.rank()) {
          continue;
        }
        for (int axis = 0; axis < shape.length; axis++) {
          for (String d : t.dims()) {
            if (!dims.containsKey(d)) {
              Integer v = t.solveAxis(axis, d, shape[axis], dims);
              if (v != null) {
                dims.put(d, v);
                progress = true;
              }
            }
          }
        }
      }
    }
  }

  private void requireAll() {
    for (String d : spec.dims()) {
      if (!dims.containsKey(d)) {
        throw new IllegalArgumentException(
            String.format(
                "Model `%s`: cannot tell dimension `%s` from the arrays given; add .dim(\"%s\", n)",
                spec.name(), d, d));
      }
    }
  }

  /** With one dimension left unknown, the flat vector's length may tell it. */
  private void inferFromFlatLength() {
    if (flat == null) {
      return;
    }
    String unknown = null;
    for (String d : spec.dims()) {
      if (!dims.containsKey(d)) {
        if (unknown != null) {
          return;
        }
        unknown = d;
      }
    }
    if (unknown == null) {
      return;
    }
    Integer found = null;
    for (int v = 1; v <= Math.max(1, flat.length); v++) {
      Map<String, Integer> trial = new LinkedHashMap<>(dims);
      trial.put(unknown, v);
      long total = 0;
      try {
        for (TensorSpec p : spec.parameters()) {
          total += Tensor.sizeOf(p.shape(trial));
        }
      } catch (IllegalArgumentException e) {
        continue;
      }
      if (total == flat.length) {
        if (found != null) {
          return; // ambiguous: leave it to .dim(...)
        }
        found = v;
      }
    }
    if (found != null) {
      dims.put(unknown, found);
    }
  }

  /** The shape of a rectangular rank-4 array, or null when it is ragged or empty. */
  static int[] rank4Shape(double[][][][] a) {
    if (a == null || a.length == 0 || a[0] == null || a[0].length == 0) {
      return null;
    }
    int[] inner = Shapes.shapeOrNull(a[0]);
    if (inner == null) {
      return null;
    }
    for (double[][][] cube : a) {
      if (cube == null || !Arrays.equals(Shapes.shapeOrNull(cube), inner)) {
        return null;
      }
    }
    return new int[] {a.length, inner[0], inner[1], inner[2]};
  }
}
