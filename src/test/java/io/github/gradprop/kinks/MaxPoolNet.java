package io.github.gradprop.kinks;

import io.github.gradprop.model.Batch;
import io.github.gradprop.model.ModelSpec;
import io.github.gradprop.model.Parameters;
import io.github.gradprop.model.Tensor;

/**
 * Max-pooling with window 2 over a linear layer, {@code p_k = max(z_2k, z_2k+1)}, squared error;
 * also checks the gradient with respect to the inputs.
 */
final class MaxPoolNet extends TwoLayerNet {

  static final ModelSpec SPEC = Layers.twoLayers("max-pool, squared error", "2 * pool", "pool");

  private final Routing routing;

  MaxPoolNet(Routing routing) {
    super(SPEC);
    this.routing = routing;
  }

  @Override
  public boolean hasInputGradient() {
    return true;
  }

  @Override
  public void inputGradient(Parameters p, Batch b, Tensor gx) {
    addInputGradient(p, b, gx);
  }

  @Override
  double[] hidden(Parameters p, double[] z) {
    return Layers.maxPool(z, 2);
  }

  @Override
  void backward(
      Parameters p, double[] x, double[] z, double[] h, double[] back, Parameters g, double[] gx) {
    double[] dz = Layers.maxPoolBackward(z, back, 2, routing);
    if (g != null) {
      Layers.addLinearGradient(g, "w1", "b1", dz, x);
    }
    if (gx != null) {
      double[][] w1 = p.matrix("w1");
      for (int i = 0; i < gx.length; i++) {
        for (int j = 0; j < dz.length; j++) {
          gx[i] += dz[j] * w1[j][i];
        }
      }
    }
  }

  @Override
  public String toString() {
    return SPEC.name() + " (" + routing + ")";
  }
}
