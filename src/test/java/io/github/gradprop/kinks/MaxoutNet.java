package io.github.gradprop.kinks;

import io.github.gradprop.model.ModelSpec;
import io.github.gradprop.model.Parameters;

/** Maxout with two pieces per unit, {@code h = max(wa x + ba, wb x + bb)}, squared error. */
final class MaxoutNet extends TwoLayerNet {

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
    super(SPEC);
    this.routing = routing;
  }

  /** The two pieces stacked: {@code za} then {@code zb}. */
  @Override
  double[] preActivations(Parameters p, double[] x) {
    double[] za = Layers.linear(p.matrix("wa"), p.vector("ba"), x);
    double[] zb = Layers.linear(p.matrix("wb"), p.vector("bb"), x);
    double[] z = new double[za.length + zb.length];
    System.arraycopy(za, 0, z, 0, za.length);
    System.arraycopy(zb, 0, z, za.length, zb.length);
    return z;
  }

  @Override
  double[] hidden(Parameters p, double[] z) {
    double[] h = new double[z.length / 2];
    for (int j = 0; j < h.length; j++) {
      h[j] = Math.max(z[j], z[h.length + j]);
    }
    return h;
  }

  @Override
  void backward(
      Parameters p, double[] x, double[] z, double[] h, double[] back, Parameters g, double[] gx) {
    double[] da = new double[h.length];
    double[] db = new double[h.length];
    for (int j = 0; j < h.length; j++) {
      da[j] = back[j] * routing.first(z[j], z[h.length + j]);
      db[j] = back[j] * routing.second(z[j], z[h.length + j]);
    }
    Layers.addLinearGradient(g, "wa", "ba", da, x);
    Layers.addLinearGradient(g, "wb", "bb", db, x);
  }

  @Override
  public String toString() {
    return SPEC.name() + " (" + routing + ")";
  }
}
