package io.github.gradprop.kinks;

import io.github.gradprop.model.ModelSpec;
import io.github.gradprop.model.Parameters;

/**
 * Overlapping max-pooling (window 2, stride 1) over a linear layer, {@code p_k = max(z_k, z_k+1)},
 * squared error: neighbouring windows share an element.
 */
final class OverlapPoolNet extends TwoLayerNet {

  static final ModelSpec SPEC =
      Layers.twoLayers("overlapping max-pool, squared error", "pool + 1", "pool");

  private final Routing routing;

  OverlapPoolNet(Routing routing) {
    super(SPEC);
    this.routing = routing;
  }

  @Override
  double[] hidden(Parameters p, double[] z) {
    return Layers.maxPool(z, 1);
  }

  @Override
  void backward(
      Parameters p, double[] x, double[] z, double[] h, double[] back, Parameters g, double[] gx) {
    double[] dz = Layers.maxPoolBackward(z, back, 1, routing);
    Layers.addLinearGradient(g, "w1", "b1", dz, x);
  }

  @Override
  public String toString() {
    return SPEC.name() + " (" + routing + ")";
  }
}
