package io.github.gradprop.testmodels;

import io.github.gradprop.model.Batch;
import io.github.gradprop.model.GradientModel;
import io.github.gradprop.model.ModelSpec;
import io.github.gradprop.model.Parameters;

/**
 * Logits {@code x w^T}, softmax and cross-entropy {@code -sum y log p} averaged over the batch. The
 * buggy backward takes the one-hot shortcut: {@code p}, minus 1 at the label (the row's largest
 * target), which is right only for one-hot targets; the correct one is {@code p sum(y) - y}.
 */
public final class SoftmaxShortcut implements GradientModel {

  private final boolean shortcut;
  private final ModelSpec spec;

  public SoftmaxShortcut(boolean shortcut) {
    this.shortcut = shortcut;
    this.spec =
        ModelSpec.named("softmax cross-entropy" + (shortcut ? " (one-hot shortcut)" : ""))
            .inputs("batch", "in")
            .parameter("w", "classes", "in")
            .targets("batch", "classes");
  }

  @Override
  public ModelSpec spec() {
    return spec;
  }

  @Override
  public double loss(Parameters p, Batch b) {
    return run(p, b, null);
  }

  @Override
  public void gradient(Parameters p, Batch b, Parameters g) {
    run(p, b, g);
  }

  private double run(Parameters p, Batch batch, Parameters g) {
    double[][] x = batch.inputs();
    double[][] y = batch.targets();
    double[][] w = p.matrix("w");
    int n = x.length;
    double loss = 0;
    for (int r = 0; r < n; r++) {
      double[] z = new double[w.length];
      double max = Double.NEGATIVE_INFINITY;
      for (int k = 0; k < w.length; k++) {
        for (int i = 0; i < x[r].length; i++) {
          z[k] += w[k][i] * x[r][i];
        }
        max = Math.max(max, z[k]);
      }
      double sum = 0;
      for (int k = 0; k < w.length; k++) {
        sum += Math.exp(z[k] - max);
      }
      double logSum = max + Math.log(sum);
      for (int k = 0; k < w.length; k++) {
        loss -= y[r][k] * (z[k] - logSum) / n;
      }
      if (g != null) {
        backward(z, logSum, y[r], x[r], g.matrix("w"), n);
      }
    }
    return loss;
  }

  private void backward(double[] z, double logSum, double[] y, double[] x, double[][] gw, int n) {
    double ySum = 0;
    int label = 0;
    for (int k = 0; k < z.length; k++) {
      ySum += y[k];
      label = y[k] > y[label] ? k : label;
    }
    for (int k = 0; k < z.length; k++) {
      double p = Math.exp(z[k] - logSum);
      double dz = shortcut ? p - (k == label ? 1.0 : 0.0) : p * ySum - y[k];
      for (int i = 0; i < x.length; i++) {
        gw[k][i] += dz * x[i] / n;
      }
    }
  }
}
