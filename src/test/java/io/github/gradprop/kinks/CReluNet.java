package io.github.gradprop.kinks;

import io.github.gradprop.model.ModelSpec;
import io.github.gradprop.model.Parameters;

/**
 * Concatenated ReLU, {@code h = [relu(z), relu(-z)]}, squared error: with output weights {@code [1,
 * -1]} it computes {@code relu(z) - relu(-z) = z}, the coincident-kink pattern where the usual
 * convention {@code relu'(0) = 0} disagrees with a loss that is smooth along the entry. The buggy
 * twin drops the {@code relu(-z)} branch from {@code dz} (a missing term).
 */
final class CReluNet extends TwoLayerNet {

  static final ModelSpec SPEC =
      Layers.twoLayers("concatenated relu, squared error", "hidden", "2 * hidden");

  private final boolean correct;

  CReluNet(boolean correct) {
    super(SPEC);
    this.correct = correct;
  }

  @Override
  double[] hidden(Parameters p, double[] z) {
    double[] h = new double[2 * z.length];
    for (int j = 0; j < z.length; j++) {
      h[j] = z[j] > 0 ? z[j] : 0;
      h[z.length + j] = -z[j] > 0 ? -z[j] : 0;
    }
    return h;
  }

  @Override
  void backward(
      Parameters p, double[] x, double[] z, double[] h, double[] back, Parameters g, double[] gx) {
    double[] dz = new double[z.length];
    for (int j = 0; j < z.length; j++) {
      dz[j] = (z[j] > 0 ? back[j] : 0) - (correct && -z[j] > 0 ? back[z.length + j] : 0);
    }
    Layers.addLinearGradient(g, "w1", "b1", dz, x);
  }

  @Override
  public String toString() {
    return SPEC.name();
  }
}
