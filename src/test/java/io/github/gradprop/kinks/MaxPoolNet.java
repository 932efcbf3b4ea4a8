package io.github.gradprop.kinks;

import io.github.gradprop.model.Batch;
import io.github.gradprop.model.GradientModel;
import io.github.gradprop.model.ModelSpec;
import io.github.gradprop.model.Parameters;
import io.github.gradprop.model.Tensor;

/**
 * Max-pooling with window 2 over a linear layer, {@code p_k = max(z_2k, z_2k+1)}, squared error;
 * also checks the gradient with respect to the inputs.
 */
final class MaxPoolNet implements GradientModel {

  static final ModelSpec SPEC =
      ModelSpec.named("max-pool, squared error")
          .inputs("batch", "in")
          .parameter("w1", "2 * pool", "in")
          .parameter("b1", "2 * pool")
          .parameter("w2", "out", "pool")
          .parameter("b2", "out")
          .targets("batch", "out");

  private final Routing routing;

  MaxPoolNet(Routing routing) {
    this.routing = routing;
  }

  @Override
  public ModelSpec spec() {
    return SPEC;
  }

  @Override
  public double loss(Parameters p, Batch b) {
    return pass(p, b, null, null);
  }

  @Override
  public void gradient(Parameters p, Batch b, Parameters g) {
    pass(p, b, g, null);
  }

  @Override
  public boolean hasInputGradient() {
    return true;
  }

  @Override
  public void inputGradient(Parameters p, Batch b, Tensor gx) {
    pass(p, b, null, gx);
  }

  private double pass(Parameters p, Batch b, Parameters g, Tensor gx) {
    double[][] w1 = p.matrix("w1");
    double[] b1 = p.vector("b1");
    double[][] w2 = p.matrix("w2");
    double[] b2 = p.vector("b2");
    double[][] x = b.inputs();
    double[][] y = b.targets();
    int batch = x.length;
    int pool = w2[0].length;
    double total = 0;
    for (int n = 0; n < batch; n++) {
      double[] z = new double[2 * pool];
      for (int j = 0; j < z.length; j++) {
        z[j] = Layers.dot(w1[j], x[n]) + b1[j];
      }
      double[] h = new double[pool];
      for (int k = 0; k < pool; k++) {
        h[k] = Math.max(z[2 * k], z[2 * k + 1]);
      }
      double[] go = new double[w2.length];
      for (int o = 0; o < w2.length; o++) {
        double out = Layers.dot(w2[o], h) + b2[o];
        total += 0.5 * (out - y[n][o]) * (out - y[n][o]);
        go[o] = (out - y[n][o]) / batch;
      }
      if (g == null && gx == null) {
        continue;
      }
      double[] dz = new double[2 * pool];
      for (int k = 0; k < pool; k++) {
        double back = 0;
        for (int o = 0; o < w2.length; o++) {
          back += w2[o][k] * go[o];
          if (g != null) {
            g.matrix("w2")[o][k] += go[o] * h[k];
          }
        }
        dz[2 * k] = back * routing.first(z[2 * k], z[2 * k + 1]);
        dz[2 * k + 1] = back * routing.second(z[2 * k], z[2 * k + 1]);
      }
      if (g != null) {
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
      if (gx != null) {
        int in = x[n].length;
        for (int i = 0; i < in; i++) {
          double s = 0;
          for (int j = 0; j < dz.length; j++) {
            s += dz[j] * w1[j][i];
          }
          gx.set(n * in + i, gx.get(n * in + i) + s);
        }
      }
    }
    return total / batch;
  }

  @Override
  public String toString() {
    return SPEC.name() + " (" + routing + ")";
  }
}
