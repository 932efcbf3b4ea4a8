package io.github.gradprop.model;

import java.util.Arrays;

/** Shape checks shared by the setters, with messages that name the tensor and the row. */
final class Shapes {

  private Shapes() {}

  static void checkMatrix(Tensor t, double[][] values) {
    if (t.rank() != 2) {
      throw new IllegalArgumentException(
          String.format(
              "Tensor `%s` has shape %s; a double[][] fits only rank 2",
              t.name(), Arrays.toString(t.shape())));
    }
    if (values == null || values.length != t.shape(0)) {
      throw new IllegalArgumentException(
          String.format(
              "Tensor `%s` of shape %s needs %d rows, but %s given",
              t.name(),
              Arrays.toString(t.shape()),
              t.shape(0),
              values == null ? "null was" : values.length + " were"));
    }
    for (int r = 0; r < values.length; r++) {
      if (values[r] == null || values[r].length != t.shape(1)) {
        throw new IllegalArgumentException(
            String.format(
                "Tensor `%s` of shape %s needs %d columns, but row %d has %s",
                t.name(),
                Arrays.toString(t.shape()),
                t.shape(1),
                r,
                values[r] == null ? "null" : String.valueOf(values[r].length)));
      }
    }
  }

  /** The shape of a rectangular {@code double[][][]}, or null when it is empty or ragged. */
  static int[] shapeOrNull(double[][][] values) {
    if (values.length == 0 || values[0] == null || values[0].length == 0 || values[0][0] == null) {
      return null;
    }
    int[] shape = {values.length, values[0].length, values[0][0].length};
    for (double[][] plane : values) {
      if (plane == null || plane.length != shape[1]) {
        return null;
      }
      for (double[] row : plane) {
        if (row == null || row.length != shape[2]) {
          return null;
        }
      }
    }
    return shape;
  }

  /** The shape of {@code values} for tensor {@code t}, which must be rank 3, with a clear error. */
  static int[] shapeOf(Tensor t, double[][][] values) {
    if (t.rank() != 3) {
      throw new IllegalArgumentException(
          String.format(
              "Tensor `%s` has shape %s; a double[][][] fits only rank 3",
              t.name(), Arrays.toString(t.shape())));
    }
    int[] shape = values == null ? null : shapeOrNull(values);
    if (shape == null) {
      throw new IllegalArgumentException(
          String.format(
              "Tensor `%s` of shape %s needs a rectangular double[][][], but %s given",
              t.name(),
              Arrays.toString(t.shape()),
              values == null ? "null was" : "a ragged or empty one was"));
    }
    return shape;
  }
}
