package io.github.gradprop.kinks;

import io.github.gradprop.model.Batch;
import io.github.gradprop.model.GradientModel;
import io.github.gradprop.model.ModelSpec;
import io.github.gradprop.model.Parameters;

/**
 * PReLU with one learnable slope per hidden unit, {@code h = z > 0 ? z : alpha z}, squared error.
 * The buggy twin takes {@code d alpha} from {@code z} instead of {@code min(z, 0)} (a wrong mask).
 */
final class PReluNet implements GradientModel {

  static final ModelSpec SPEC =
      ModelSpec.named("prelu, squared error")
          .inputs("batch", "in")
          .parameter("w1", "hidden", "in")
          .parameter("b1", "hidden")
          .parameter("alpha", "hidden")
          .parameter("w2", "out", "hidden")
          .parameter("b2", "out")
          .targets("batch", "out");

  private final boolean correct;

  PReluNet(boolean correct) {
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
    double[] alpha = p.vector("alpha");
    double[][] w2 = p.matrix("w2");
    double[] b2 = p.vector("b2");
    double[][] x = b.inputs();
    double[][] y = b.targets();
    int batch = x.length;
    double total = 0;
    for (int n = 0; n < batch; n++) {
      double[] z = new double[w1.length];
      double[] h = new double[w1.length];
      for (int j = 0; j < w1.length; j++) {
        z[j] = Layers.dot(w1[j], x[n]) + b1[j];
        h[j] = z[j] > 0 ? z[j] : alpha[j] * z[j];
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
      for (int j = 0; j < w1.length; j++) {
        double back = 0;
        for (int k = 0; k < w2.length; k++) {
          back += w2[k][j] * go[k];
        }
        g.vector("alpha")[j] += back * (correct ? Math.min(z[j], 0) : z[j]);
        double dz = back * (z[j] > 0 ? 1 : alpha[j]);
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
