package io.github.gradprop.testmodels;

import io.github.gradprop.model.Batch;
import io.github.gradprop.model.GradientModel;
import io.github.gradprop.model.ModelSpec;
import io.github.gradprop.model.Parameters;

/**
 * Softmax regression whose cross-entropy takes class indices ({@code targets("batch")}), averaged
 * over the batch; optionally without the {@code 1 / batch} in its backward.
 */
public final class LabelSoftmax implements GradientModel {

  private final boolean forgetsBatchMean;

  public LabelSoftmax(boolean forgetsBatchMean) {
    this.forgetsBatchMean = forgetsBatchMean;
  }

  @Override
  public ModelSpec spec() {
    return ModelSpec.named(
            "softmax regression on class labels" + (forgetsBatchMean ? " (no 1/batch)" : ""))
        .inputs("batch", "in")
        .parameter("w", "out", "in")
        .targets("batch")
        .dimOrder("batch", "in", "out");
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
    double[][] w = p.matrix("w");
    double[][] x = b.inputs();
    double[] labels = b.targetTensor().vector();
    int n = x.length;
    double loss = 0;
    for (int r = 0; r < n; r++) {
      int label = (int) labels[r];
      double[] z = new double[w.length];
      double max = Double.NEGATIVE_INFINITY;
      for (int k = 0; k < w.length; k++) {
        for (int i = 0; i < x[r].length; i++) {
          z[k] += w[k][i] * x[r][i];
        }
        max = Math.max(max, z[k]);
      }
      double sum = 0;
      for (double v : z) {
        sum += Math.exp(v - max);
      }
      loss -= (z[label] - max - Math.log(sum)) / n;
      if (g != null) {
        double scale = forgetsBatchMean ? 1.0 : 1.0 / n;
        for (int k = 0; k < w.length; k++) {
          double d = Math.exp(z[k] - max) / sum - (k == label ? 1 : 0);
          for (int i = 0; i < x[r].length; i++) {
            g.matrix("w")[k][i] += scale * d * x[r][i];
          }
        }
      }
    }
    return loss;
  }
}
