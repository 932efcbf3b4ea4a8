package io.github.gradprop.testmodels.zoo;

import io.github.gradprop.model.Batch;
import io.github.gradprop.model.GradientModel;
import io.github.gradprop.model.ModelSpec;
import io.github.gradprop.model.Parameters;

/**
 * A linear layer with a bias vector, softmax, and cross-entropy averaged over the batch: logits
 * {@code x w^T + b}, one-hot targets.
 */
public final class SoftmaxRegression implements GradientModel {

  public enum Bug {
    NONE,
    /** Forgets the {@code 1 / batch} of the mean in every gradient. */
    MISSING_ONE_OVER_BATCH,
    /** Assigns the bias gradient per example instead of adding, so only the last row counts. */
    BIAS_GRADIENT_OVERWRITTEN
  }

  private final Bug bug;
  private final ModelSpec spec;

  public SoftmaxRegression(Bug bug) {
    this.bug = bug;
    this.spec =
        ModelSpec.named(
                "softmax regression, mean cross-entropy"
                    + (bug == Bug.NONE ? "" : " (" + bug + ")"))
            .inputs("batch", "in")
            .parameter("w", "classes", "in")
            .parameter("b", "classes")
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
    double[] bias = p.vector("b");
    int n = x.length;
    double scale = bug == Bug.MISSING_ONE_OVER_BATCH ? 1.0 : 1.0 / n;
    double loss = 0;
    for (int r = 0; r < n; r++) {
      double[] z = new double[w.length];
      double max = Double.NEGATIVE_INFINITY;
      for (int k = 0; k < w.length; k++) {
        z[k] = bias[k];
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
      if (g == null) {
        continue;
      }
      double[][] gw = g.matrix("w");
      double[] gb = g.vector("b");
      double ySum = 0;
      for (int k = 0; k < w.length; k++) {
        ySum += y[r][k];
      }
      for (int k = 0; k < w.length; k++) {
        double dz = (Math.exp(z[k] - logSum) * ySum - y[r][k]) * scale;
        if (bug == Bug.BIAS_GRADIENT_OVERWRITTEN) {
          gb[k] = dz;
        } else {
          gb[k] += dz;
        }
        for (int i = 0; i < x[r].length; i++) {
          gw[k][i] += dz * x[r][i];
        }
      }
    }
    return loss;
  }
}
