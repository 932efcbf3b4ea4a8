package io.github.gradprop.kinks;

import io.github.gradprop.model.Batch;
import io.github.gradprop.model.GradientModel;
import io.github.gradprop.model.ModelSpec;
import io.github.gradprop.model.Parameters;

/**
 * Concatenated ReLU, {@code h = [relu(z), relu(-z)]}, squared error: with output weights {@code [1,
 * -1]} it computes {@code relu(z) - relu(-z) = z}, the coincident-kink pattern where the usual
 * convention {@code relu'(0) = 0} disagrees with a loss that is smooth along the entry. The buggy
 * twin drops the {@code relu(-z)} branch from {@code dz} (a missing term).
 */
final class CReluNet implements GradientModel {

  static final ModelSpec SPEC =
      ModelSpec.named("concatenated relu, squared error")
          .inputs("batch", "in")
          .parameter("w1", "hidden", "in")
          .parameter("b1", "hidden")
          .parameter("w2", "out", "2 * hidden")
          .parameter("b2", "out")
          .targets("batch", "out");

  private final boolean correct;

  CReluNet(boolean correct) {
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

  private double pass(Parameters p, Batch b, Parameters g) {
    double[][] w1 = p.matrix("w1");
    double[] b1 = p.vector("b1");
    double[][] w2 = p.matrix("w2");
    double[] b2 = p.vector("b2");
    double[][] x = b.inputs();
    double[][] y = b.targets();
    int batch = x.length;
    int hidden = w1.length;
    double total = 0;
    for (int n = 0; n < batch; n++) {
      double[] z = new double[hidden];
      double[] h = new double[2 * hidden];
      for (int j = 0; j < hidden; j++) {
        z[j] = Layers.dot(w1[j], x[n]) + b1[j];
        h[j] = z[j] > 0 ? z[j] : 0;
        h[hidden + j] = -z[j] > 0 ? -z[j] : 0;
      }
      double[] go = new double[w2.length];
      for (int k = 0; k < w2.length; k++) {
        double o = Layers.dot(w2[k], h) + b2[k];
        total += 0.5 * (o - y[n][k]) * (o - y[n][k]);
        go[k] = (o - y[n][k]) / batch;
      }
      if (g == null) {
        continue;
      }
      for (int k = 0; k < w2.length; k++) {
        g.vector("b2")[k] += go[k];
        for (int j = 0; j < h.length; j++) {
          g.matrix("w2")[k][j] += go[k] * h[j];
        }
      }
      for (int j = 0; j < hidden; j++) {
        double backPos = 0;
        double backNeg = 0;
        for (int k = 0; k < w2.length; k++) {
          backPos += w2[k][j] * go[k];
          backNeg += w2[k][hidden + j] * go[k];
        }
        double dz = (z[j] > 0 ? backPos : 0) - (correct && -z[j] > 0 ? backNeg : 0);
        g.vector("b1")[j] += dz;
        for (int i = 0; i < x[n].length; i++) {
          g.matrix("w1")[j][i] += dz * x[n][i];
        }
      }
    }
    return total / batch;
  }

  @Override
  public String toString() {
    return SPEC.name();
  }
}
