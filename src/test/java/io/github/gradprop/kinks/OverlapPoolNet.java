package io.github.gradprop.kinks;

import io.github.gradprop.model.Batch;
import io.github.gradprop.model.GradientModel;
import io.github.gradprop.model.ModelSpec;
import io.github.gradprop.model.Parameters;

/**
 * Overlapping max-pooling (window 2, stride 1) over a linear layer, {@code p_k = max(z_k, z_k+1)},
 * squared error: neighbouring windows share an element.
 */
final class OverlapPoolNet implements GradientModel {

  static final ModelSpec SPEC =
      ModelSpec.named("overlapping max-pool, squared error")
          .inputs("batch", "in")
          .parameter("w1", "pool + 1", "in")
          .parameter("b1", "pool + 1")
          .parameter("w2", "out", "pool")
          .parameter("b2", "out")
          .targets("batch", "out");

  private final Routing routing;

  OverlapPoolNet(Routing routing) {
    this.routing = routing;
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
    int pool = w2[0].length;
    double total = 0;
    for (int n = 0; n < batch; n++) {
      double[] z = new double[pool + 1];
      for (int j = 0; j < z.length; j++) {
        z[j] = Layers.dot(w1[j], x[n]) + b1[j];
      }
      double[] h = new double[pool];
      for (int k = 0; k < pool; k++) {
        h[k] = Math.max(z[k], z[k + 1]);
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
      double[] dz = new double[pool + 1];
      for (int k = 0; k < pool; k++) {
        double back = 0;
        for (int o = 0; o < w2.length; o++) {
          back += w2[o][k] * go[o];
          g.matrix("w2")[o][k] += go[o] * h[k];
        }
        dz[k] += back * routing.first(z[k], z[k + 1]);
        dz[k + 1] += back * routing.second(z[k], z[k + 1]);
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
    return SPEC.name() + " (" + routing + ")";
  }
}
