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
}
