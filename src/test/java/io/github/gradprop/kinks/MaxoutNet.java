package io.github.gradprop.kinks;

import io.github.gradprop.model.Batch;
import io.github.gradprop.model.GradientModel;
import io.github.gradprop.model.ModelSpec;
import io.github.gradprop.model.Parameters;

/** Maxout with two pieces per unit, {@code h = max(wa x + ba, wb x + bb)}, squared error. */
final class MaxoutNet implements GradientModel {

  static final ModelSpec SPEC =
      ModelSpec.named("maxout, squared error")
          .inputs("batch", "in")
          .parameter("wa", "hidden", "in")
          .parameter("ba", "hidden")
          .parameter("wb", "hidden", "in")
          .parameter("bb", "hidden")
          .parameter("w2", "out", "hidden")
          .parameter("b2", "out")
          .targets("batch", "out");

  private final Routing routing;

  MaxoutNet(Routing routing) {
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
    double[][] wa = p.matrix("wa");
    double[] ba = p.vector("ba");
    double[][] wb = p.matrix("wb");
    double[] bb = p.vector("bb");
    double[][] w2 = p.matrix("w2");
    double[] b2 = p.vector("b2");
    double[][] x = b.inputs();
    double[][] y = b.targets();
    int batch = x.length;
    int hidden = wa.length;
    double total = 0;
    for (int n = 0; n < batch; n++) {
      double[] za = new double[hidden];
      double[] zb = new double[hidden];
      double[] h = new double[hidden];
      for (int j = 0; j < hidden; j++) {
        za[j] = Layers.dot(wa[j], x[n]) + ba[j];
        zb[j] = Layers.dot(wb[j], x[n]) + bb[j];
        h[j] = Math.max(za[j], zb[j]);
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
        for (int j = 0; j < hidden; j++) {
          g.matrix("w2")[k][j] += go[k] * h[j];
        }
      }
      for (int j = 0; j < hidden; j++) {
        double back = 0;
        for (int k = 0; k < w2.length; k++) {
          back += w2[k][j] * go[k];
        }
        double da = back * routing.first(za[j], zb[j]);
        double db = back * routing.second(za[j], zb[j]);
        g.vector("ba")[j] += da;
        g.vector("bb")[j] += db;
        for (int i = 0; i < x[n].length; i++) {
          g.matrix("wa")[j][i] += da * x[n][i];
          g.matrix("wb")[j][i] += db * x[n][i];
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
