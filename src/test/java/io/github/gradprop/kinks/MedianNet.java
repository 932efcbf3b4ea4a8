package io.github.gradprop.kinks;

import io.github.gradprop.model.Batch;
import io.github.gradprop.model.GradientModel;
import io.github.gradprop.model.ModelSpec;
import io.github.gradprop.model.Parameters;

/**
 * Median of three pieces per unit, {@code h_j = median(z_j, z_hidden+j, z_2hidden+j)} over a linear
 * layer with the pieces stacked in blocks ({@code 3 * hidden}), squared error. The correct backward
 * pass sends the gradient to one piece that equals the median (the first); the buggy one routes by
 * {@code z == median}, so every tied piece gets the full gradient.
 */
final class MedianNet implements GradientModel {

  static final ModelSpec SPEC =
      ModelSpec.named("median of three, squared error")
          .inputs("batch", "in")
          .parameter("w1", "3 * hidden", "in")
          .parameter("b1", "3 * hidden")
          .parameter("w2", "out", "hidden")
          .parameter("b2", "out")
          .targets("batch", "out");

  private final boolean correct;

  MedianNet(boolean correct) {
    this.correct = correct;
  }

  @Override
  public ModelSpec spec() {
    return SPEC;
  }

  @Override
  public double loss(Parameters p, Batch b) {
    return pass(p, b, null);
  }

  @Override
  public void gradient(Parameters p, Batch b, Parameters g) {
    pass(p, b, g);
  }

  private static double median(double a, double b, double c) {
    return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
  }

  private double pass(Parameters p, Batch b, Parameters g) {
    double[][] w1 = p.matrix("w1");
    double[] b1 = p.vector("b1");
    double[][] w2 = p.matrix("w2");
    double[] b2 = p.vector("b2");
    double[][] x = b.inputs();
    double[][] y = b.targets();
    int batch = x.length;
    int hidden = w2[0].length;
    double total = 0;
    for (int n = 0; n < batch; n++) {
      double[] z = new double[3 * hidden];
      for (int j = 0; j < z.length; j++) {
        z[j] = Layers.dot(w1[j], x[n]) + b1[j];
      }
      double[] h = new double[hidden];
      for (int j = 0; j < hidden; j++) {
        h[j] = median(z[j], z[hidden + j], z[2 * hidden + j]);
      }
      double[] go = new double[w2.length];
      for (int o = 0; o < w2.length; o++) {
        double out = Layers.dot(w2[o], h) + b2[o];
        total += 0.5 * (out - y[n][o]) * (out - y[n][o]);
        go[o] = (out - y[n][o]) / batch;
      }
      if (g == null) {
        continue;
      }
      double[] dz = new double[3 * hidden];
      for (int j = 0; j < hidden; j++) {
        double back = 0;
        for (int o = 0; o < w2.length; o++) {
          back += w2[o][j] * go[o];
          g.matrix("w2")[o][j] += go[o] * h[j];
        }
        boolean routed = false;
        for (int piece = 0; piece < 3; piece++) {
          int at = piece * hidden + j;
          if (z[at] == h[j] && !(correct && routed)) {
            dz[at] = back;
            routed = true;
          }
        }
      }
      for (int o = 0; o < w2.length; o++) {
        g.vector("b2")[o] += go[o];
      }
      for (int j = 0; j < dz.length; j++) {
        g.vector("b1")[j] += dz[j];
        for (int i = 0; i < x[n].length; i++) {
          g.matrix("w1")[j][i] += dz[j] * x[n][i];
        }
      }
    }
    return total / batch;
  }

  @Override
  public String toString() {
    return SPEC.name() + (correct ? "" : " (routed by z == median)");
  }
}
