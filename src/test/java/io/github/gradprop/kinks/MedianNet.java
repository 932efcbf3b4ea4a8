package io.github.gradprop.kinks;

import io.github.gradprop.model.ModelSpec;
import io.github.gradprop.model.Parameters;

/**
 * Median of three pieces per unit, {@code h_j = median(z_j, z_hidden+j, z_2hidden+j)} over a linear
 * layer with the pieces stacked in blocks ({@code 3 * hidden}), squared error. The correct backward
 * pass sends the gradient to one piece that equals the median (the first); the buggy one routes by
 * {@code z == median}, so every tied piece gets the full gradient.
 */
final class MedianNet extends TwoLayerNet {

  static final ModelSpec SPEC =
      Layers.twoLayers("median of three, squared error", "3 * hidden", "hidden");

  private final boolean correct;

  MedianNet(boolean correct) {
    super(SPEC);
    this.correct = correct;
  }

  private static double median(double a, double b, double c) {
    return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
  }

  @Override
  double[] hidden(Parameters p, double[] z) {
    int hidden = z.length / 3;
    double[] h = new double[hidden];
    for (int j = 0; j < hidden; j++) {
      h[j] = median(z[j], z[hidden + j], z[2 * hidden + j]);
    }
    return h;
  }

  @Override
  void backward(
      Parameters p, double[] x, double[] z, double[] h, double[] back, Parameters g, double[] gx) {
    double[] dz = new double[z.length];
    for (int j = 0; j < h.length; j++) {
      boolean routed = false;
      for (int piece = 0; piece < 3; piece++) {
        int at = piece * h.length + j;
        if (z[at] == h[j] && !(correct && routed)) {
          dz[at] = back[j];
          routed = true;
        }
      }
    }
    Layers.addLinearGradient(g, "w1", "b1", dz, x);
  }

  @Override
  public String toString() {
    return SPEC.name() + (correct ? "" : " (routed by z == median)");
  }
}
