package io.github.gradprop.kinks;

import io.github.gradprop.model.Batch;
import io.github.gradprop.model.GradientModel;
import io.github.gradprop.model.ModelSpec;
import io.github.gradprop.model.Parameters;

/**
 * One hidden layer with a pluggable activation and output loss: {@code z = w1 x + b1}, {@code h =
 * act(z)}, {@code o = w2 h + b2}, loss {@code = sum_n head(o_n, y_n) / batch + l1 * sum |w1|}, and
 * a hand-written backward that uses the activation's {@code slope} (its convention at kinks).
 */
final class Net implements GradientModel {

  /** An elementwise activation and the derivative the backward pass uses. */
  interface Activation {
    double value(double z);

    double slope(double z);
  }

  /** A per-example loss of the outputs and its gradient. */
  interface Head {
    double value(double[] o, double[] y);

    void gradient(double[] o, double[] y, double[] g);
  }

  private final ModelSpec spec;
  private final Activation act;
  private final Head head;
  private final double l1;
  private final boolean l1InBackward;
  private final boolean maskOfFirstRow;

  Net(
      String name,
      Activation act,
      Head head,
      double l1,
      boolean l1InBackward,
      boolean maskOfFirstRow) {
    this.spec = Layers.twoLayers(name, "hidden", "hidden");
    this.act = act;
    this.head = head;
    this.l1 = l1;
    this.l1InBackward = l1InBackward;
    this.maskOfFirstRow = maskOfFirstRow;
  }

  Net(String name, Activation act, Head head) {
    this(name, act, head, 0, false, false);
  }

  @Override
  public ModelSpec spec() {
    return spec;
  }

  @Override
  public double loss(Parameters p, Batch b) {
    double[][] w1 = p.matrix("w1");
    double[] b1 = p.vector("b1");
    double[][] w2 = p.matrix("w2");
    double[] b2 = p.vector("b2");
    double[][] x = b.inputs();
    double[][] y = b.targets();
    double total = 0;
    for (int n = 0; n < x.length; n++) {
      double[] h = new double[w1.length];
      for (int j = 0; j < w1.length; j++) {
        h[j] = act.value(Layers.dot(w1[j], x[n]) + b1[j]);
      }
      double[] o = new double[w2.length];
      for (int k = 0; k < w2.length; k++) {
        o[k] = Layers.dot(w2[k], h) + b2[k];
      }
      total += head.value(o, y[n]);
    }
    double reg = 0;
    for (double[] row : w1) {
      for (double w : row) {
        reg += Math.abs(w);
      }
    }
    return total / x.length + l1 * reg;
  }

  @Override
  public void gradient(Parameters p, Batch b, Parameters g) {
    double[][] w1 = p.matrix("w1");
    double[] b1 = p.vector("b1");
    double[][] w2 = p.matrix("w2");
    double[] b2 = p.vector("b2");
    double[][] x = b.inputs();
    double[][] y = b.targets();
    double[][] gw1 = g.matrix("w1");
    double[] gb1 = g.vector("b1");
    double[][] gw2 = g.matrix("w2");
    double[] gb2 = g.vector("b2");
    int batch = x.length;
    double[][] z = new double[batch][w1.length];
    for (int n = 0; n < batch; n++) {
      for (int j = 0; j < w1.length; j++) {
        z[n][j] = Layers.dot(w1[j], x[n]) + b1[j];
      }
    }
    for (int n = 0; n < batch; n++) {
      double[] h = new double[w1.length];
      for (int j = 0; j < w1.length; j++) {
        h[j] = act.value(z[n][j]);
      }
      double[] o = new double[w2.length];
      for (int k = 0; k < w2.length; k++) {
        o[k] = Layers.dot(w2[k], h) + b2[k];
      }
      double[] go = new double[w2.length];
      head.gradient(o, y[n], go);
      for (int k = 0; k < w2.length; k++) {
        go[k] /= batch;
        gb2[k] += go[k];
        for (int j = 0; j < h.length; j++) {
          gw2[k][j] += go[k] * h[j];
        }
      }
      for (int j = 0; j < w1.length; j++) {
        double back = 0;
        for (int k = 0; k < w2.length; k++) {
          back += w2[k][j] * go[k];
        }
        double dz = back * act.slope(maskOfFirstRow ? z[0][j] : z[n][j]);
        gb1[j] += dz;
        for (int i = 0; i < x[n].length; i++) {
          gw1[j][i] += dz * x[n][i];
        }
      }
    }
    if (l1InBackward) {
      for (int j = 0; j < w1.length; j++) {
        for (int i = 0; i < w1[j].length; i++) {
          gw1[j][i] += l1 * Math.signum(w1[j][i]);
        }
      }
    }
  }

  @Override
  public String toString() {
    return spec.name();
  }
}
