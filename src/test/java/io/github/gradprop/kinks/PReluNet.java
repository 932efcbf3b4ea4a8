package io.github.gradprop.kinks;

import io.github.gradprop.model.ModelSpec;
import io.github.gradprop.model.Parameters;

/**
 * PReLU with one learnable slope per hidden unit, {@code h = z > 0 ? z : alpha z}, squared error.
 * The buggy twin takes {@code d alpha} from {@code z} instead of {@code min(z, 0)} (a wrong mask).
 */
final class PReluNet extends TwoLayerNet {

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
    super(SPEC);
    this.correct = correct;
  }

  @Override
  double[] hidden(Parameters p, double[] z) {
    double[] alpha = p.vector("alpha");
    double[] h = new double[z.length];
    for (int j = 0; j < z.length; j++) {
      h[j] = z[j] > 0 ? z[j] : alpha[j] * z[j];
    }
    return h;
  }

  @Override
  void backward(
      Parameters p, double[] x, double[] z, double[] h, double[] back, Parameters g, double[] gx) {
    double[] alpha = p.vector("alpha");
    double[] galpha = g.vector("alpha");
    double[] dz = new double[z.length];
    for (int j = 0; j < z.length; j++) {
      galpha[j] += back[j] * (correct ? Math.min(z[j], 0) : z[j]);
      dz[j] = back[j] * (z[j] > 0 ? 1 : alpha[j]);
    }
    Layers.addLinearGradient(g, "w1", "b1", dz, x);
  }

  @Override
  public String toString() {
    return SPEC.name();
  }
}
