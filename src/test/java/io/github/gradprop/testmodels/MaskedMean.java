package io.github.gradprop.testmodels;

import io.github.gradprop.model.Batch;
import io.github.gradprop.model.GradientModel;
import io.github.gradprop.model.ModelSpec;
import io.github.gradprop.model.Parameters;

/**
 * A linear score per position, weighted by a data tensor {@code mask} (not differentiated), with
 * squared error: {@code L = 0.5 * sum_n (sum_s mask[n,s] * (w . x[n,s]) - y[n])^2}. The buggy twin
 * forgets the mask in its backward.
 */
public final class MaskedMean implements GradientModel {

  private final boolean forgetsMask;

  public MaskedMean(boolean forgetsMask) {
    this.forgetsMask = forgetsMask;
  }

  @Override
  public ModelSpec spec() {
    return ModelSpec.named("masked linear score" + (forgetsMask ? " (mask forgotten)" : ""))
        .inputs("batch", "seq", "d")
        .data("mask", "batch", "seq")
        .parameter("w", "d")
        .targets("batch", "out")
        .dimOrder("batch", "seq", "d", "out");
  }

  @Override
  public double loss(Parameters p, Batch b) {
    return run(p, b, null);
  }

  @Override
  public void gradient(Parameters p, Batch b, Parameters g) {
    run(p, b, g);
  }

  private double run(Parameters p, Batch b, Parameters g) {
    double[] w = p.vector("w");
    var x = b.inputTensor();
    var mask = b.data("mask");
    double[][] y = b.targets();
    int batch = x.shape(0);
    int seq = x.shape(1);
    int d = x.shape(2);
    double loss = 0;
    for (int n = 0; n < batch; n++) {
      double score = 0;
      for (int s = 0; s < seq; s++) {
        double dot = 0;
        for (int k = 0; k < d; k++) {
          dot += w[k] * x.get((n * seq + s) * d + k);
        }
        score += mask.get(n * seq + s) * dot;
      }
      double r = score - y[n][0];
      loss += 0.5 * r * r;
      if (g != null) {
        for (int s = 0; s < seq; s++) {
          double m = forgetsMask ? 1.0 : mask.get(n * seq + s);
          for (int k = 0; k < d; k++) {
            g.vector("w")[k] += r * m * x.get((n * seq + s) * d + k);
          }
        }
      }
    }
    return loss;
  }
}
