package io.github.gradprop.kinks;

import io.github.gradprop.model.Batch;
import io.github.gradprop.model.GradientModel;
import io.github.gradprop.model.ModelSpec;
import io.github.gradprop.model.Parameters;
import io.github.gradprop.model.Tensor;

/**
 * A hidden layer that a subclass defines, then a linear output {@code o = w2 h + b2} and half the
 * squared error averaged over the batch: the loss, gradient and input-gradient wiring shared by the
 * tie models. Per example the subclass computes the hidden values {@code h} from the
 * pre-activations {@code z} (by default those of a linear layer {@code w1, b1}), and the backward
 * pass from {@code back = dLoss/dh}.
 */
abstract class TwoLayerNet implements GradientModel {

  private final ModelSpec spec;

  TwoLayerNet(ModelSpec spec) {
    this.spec = spec;
  }

  /** The pre-activations of one example {@code x}: by default {@code z = w1 x + b1}. */
  double[] preActivations(Parameters p, double[] x) {
    return Layers.linear(p.matrix("w1"), p.vector("b1"), x);
  }

  /** The hidden values of one example from its pre-activations {@code z}. */
  abstract double[] hidden(Parameters p, double[] z);

  /**
   * Given {@code back = dLoss/dh} of one example, adds the gradient of the hidden layer's
   * parameters to {@code g} and the gradient with respect to {@code x} to {@code gx}. {@code g} is
   * null (and {@code gx} is not) only for an input gradient; {@code gx} is null unless the model
   * has an input gradient and it is asked for.
   */
  abstract void backward(
      Parameters p, double[] x, double[] z, double[] h, double[] back, Parameters g, double[] gx);

  @Override
  public final ModelSpec spec() {
    return spec;
  }

  @Override
  public final double loss(Parameters p, Batch b) {
    return pass(p, b, null, null);
  }

  @Override
  public final void gradient(Parameters p, Batch b, Parameters g) {
    pass(p, b, g, null);
  }

  /** Adds the gradient of the loss with respect to the inputs to {@code gx}. */
  final void addInputGradient(Parameters p, Batch b, Tensor gx) {
    pass(p, b, null, gx);
  }

  private double pass(Parameters p, Batch b, Parameters g, Tensor gx) {
    double[][] w2 = p.matrix("w2");
    double[] b2 = p.vector("b2");
    double[][] x = b.inputs();
    double[][] y = b.targets();
    int batch = x.length;
    double total = 0;
    for (int n = 0; n < batch; n++) {
      double[] z = preActivations(p, x[n]);
      double[] h = hidden(p, z);
      double[] go = new double[w2.length];
      for (int k = 0; k < w2.length; k++) {
        double o = Layers.dot(w2[k], h) + b2[k];
        total += 0.5 * (o - y[n][k]) * (o - y[n][k]);
        go[k] = (o - y[n][k]) / batch;
      }
      if (g == null && gx == null) {
        continue;
      }
      double[] back = new double[h.length];
      for (int j = 0; j < h.length; j++) {
        for (int k = 0; k < w2.length; k++) {
          back[j] += w2[k][j] * go[k];
        }
      }
      if (g != null) {
        Layers.addLinearGradient(g, "w2", "b2", go, h);
      }
      double[] gxn = gx == null ? null : new double[x[n].length];
      backward(p, x[n], z, h, back, g, gxn);
      for (int i = 0; gxn != null && i < gxn.length; i++) {
        int at = n * gxn.length + i;
        gx.set(at, gx.get(at) + gxn[i]);
      }
    }
    return total / batch;
  }
}
