package io.github.gradprop.kinks;

import io.github.gradprop.model.Case;

/** Hand-made cases at ties and kinks, small enough to follow by hand. */
final class TieCases {

  private TieCases() {}

  /** One pooling window over two equal units: {@code z = [1, 1]}, {@code p = 1}, loss 0.5. */
  static Case maxPoolTie() {
    return Case.builder(MaxPoolNet.SPEC)
        .parameter("w1", new double[][] {{1.0}, {1.0}})
        .parameter("b1", new double[] {0.0, 0.0})
        .parameter("w2", new double[][] {{1.0}})
        .parameter("b2", new double[] {0.0})
        .inputs(new double[][] {{1.0}})
        .targets(new double[][] {{0.0}})
        .build();
  }

  /** One ReLU whose input is exactly 0: {@code z = 1 * 1 - 1}, target 1. */
  static Case reluAtZero(Net model) {
    return Case.builder(model.spec())
        .parameter("w1", new double[][] {{1.0}})
        .parameter("b1", new double[] {-1.0})
        .parameter("w2", new double[][] {{1.0}})
        .parameter("b2", new double[] {0.0})
        .inputs(new double[][] {{1.0}})
        .targets(new double[][] {{1.0}})
        .build();
  }

  /**
   * The coincident-kink example of docs/kinks.md: one unit, {@code z = 0}, output weights {@code
   * [1, -1]}, so the output is {@code relu(z) - relu(-z) = z}, smooth in every entry.
   */
  static Case concatenatedReluAtZero() {
    return Case.builder(CReluNet.SPEC)
        .parameter("w1", new double[][] {{1.0}})
        .parameter("b1", new double[] {-1.0})
        .parameter("w2", new double[][] {{1.0, -1.0}})
        .parameter("b2", new double[] {0.0})
        .inputs(new double[][] {{1.0}})
        .targets(new double[][] {{1.0}})
        .build();
  }
}
