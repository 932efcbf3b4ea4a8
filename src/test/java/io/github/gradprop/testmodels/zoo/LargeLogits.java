package io.github.gradprop.testmodels.zoo;

import io.github.gradprop.model.Batch;
import io.github.gradprop.model.GradientModel;
import io.github.gradprop.model.ModelSpec;
import io.github.gradprop.model.Parameters;

/**
 * Softmax cross-entropy over logits {@code z = offset * w x}, computed as the numerically stable
 * log-sum-exp {@code m + log sum exp(z - m)} minus the target's logit. With large logits (offset
 * 30) and confident predictions the losses are near 1e-10 and rounded to the ulp of {@code m}, so
 * every loss value is exactly a {@code float}: a correct double model that must not be taken for a
 * float one. The buggy twin forgets to subtract the target from the softmax in the backward pass of
 * the first class only.
 */
public final class LargeLogits implements GradientModel {

  private final double offset;
  private final boolean correct;

  public LargeLogits(double offset, boolean correct) {
    this.offset = offset;
    this.correct = correct;
  }

  @Override
  public ModelSpec spec() {
    return ModelSpec.named("softmax cross-entropy, logits x" + offset + (correct ? "" : " (bug)"))
        .inputs("batch", "in")
        .parameter("w", "classes", "in")
        .targets("batch", "classes");
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
    double[][] w = p.matrix("w");
    double[][] x = b.inputs();
    double[][] y = b.targets();
    double total = 0;
    for (int n = 0; n < x.length; n++) {
      double[] z = new double[w.length];
      double m = Double.NEGATIVE_INFINITY;
      for (int k = 0; k < w.length; k++) {
        for (int i = 0; i < x[n].length; i++) {
          z[k] += offset * w[k][i] * x[n][i];
        }
        m = Math.max(m, z[k]);
      }
      double sum = 0;
      for (double zk : z) {
        sum += Math.exp(zk - m);
      }
      double lse = m + Math.log(sum);
      for (int k = 0; k < w.length; k++) {
        total += y[n][k] * (lse - z[k]);
      }
      if (g == null) {
        continue;
      }
      for (int k = 0; k < w.length; k++) {
        double dz = Math.exp(z[k] - lse) - (correct || k > 0 ? y[n][k] : 0);
        for (int i = 0; i < x[n].length; i++) {
          g.matrix("w")[k][i] += dz * offset * x[n][i] / x.length;
        }
      }
    }
    return total / x.length;
  }
}
