package io.github.gradprop.testmodels.zoo;

import io.github.gradprop.model.Batch;
import io.github.gradprop.model.GradientModel;
import io.github.gradprop.model.ModelSpec;
import io.github.gradprop.model.Parameters;

/**
 * Logistic regression with a scalar bias (a rank-0 parameter) and an L2 penalty: mean binary
 * cross-entropy of {@code sigmoid(w . x + b)} against 0/1 targets of shape {@code [batch]}, plus
 * {@code lambda * |w|^2}.
 */
public final class RegularizedLogisticRegression implements GradientModel {

  public enum Bug {
    NONE,
    /**
     * The penalty's gradient is {@code lambda * w}, as if the penalty were {@code lambda/2 |w|^2}.
     */
    HALF_REGULARIZER_GRADIENT,
    /** Assigns the bias gradient per example instead of adding it up. */
    BIAS_GRADIENT_OVERWRITTEN
  }

  static final double LAMBDA = 0.1;

  private final Bug bug;
  private final ModelSpec spec;

  public RegularizedLogisticRegression(Bug bug) {
    this.bug = bug;
    this.spec =
        ModelSpec.named(
                "L2-regularized logistic regression" + (bug == Bug.NONE ? "" : " (" + bug + ")"))
            .inputs("batch", "in")
            .parameter("w", "in")
            .parameter("b")
            .targets("batch");
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
    double[] y = batch.targetTensor().vector();
    double[] w = p.vector("w");
    double bias = p.tensor("b").get(0);
    int n = x.length;
    double loss = 0;
    for (int r = 0; r < n; r++) {
      double z = bias;
      for (int i = 0; i < w.length; i++) {
        z += w[i] * x[r][i];
      }
      // -y log(sigmoid z) - (1 - y) log(1 - sigmoid z), without overflow
      loss += (y[r] * softplus(-z) + (1 - y[r]) * softplus(z)) / n;
      if (g != null) {
        double dz = (1 / (1 + Math.exp(-z)) - y[r]) / n;
        double[] gw = g.vector("w");
        for (int i = 0; i < w.length; i++) {
          gw[i] += dz * x[r][i];
        }
        double gb = bug == Bug.BIAS_GRADIENT_OVERWRITTEN ? dz : g.tensor("b").get(0) + dz;
        g.tensor("b").set(0, gb);
      }
    }
    for (int i = 0; i < w.length; i++) {
      loss += LAMBDA * w[i] * w[i];
      if (g != null) {
        g.vector("w")[i] += (bug == Bug.HALF_REGULARIZER_GRADIENT ? 1 : 2) * LAMBDA * w[i];
      }
    }
    return loss;
  }

  private static double softplus(double z) {
    return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
  }
}
