package io.github.gradprop.testmodels.zoo;

import io.github.gradprop.model.Batch;
import io.github.gradprop.model.GradientModel;
import io.github.gradprop.model.ModelSpec;
import io.github.gradprop.model.Parameters;
import io.github.gradprop.model.Tensor;

/**
 * A residual block without targets: the loss is the energy {@code 0.5 |x + tanh(W x)|^2} summed
 * over the batch, with a square {@code W[in, in]}. Checks the input gradient, {@code u + W^T (u *
 * (1 - a^2))}.
 */
public final class ResidualEnergy implements GradientModel {

  public enum Bug {
    NONE,
    /** The input gradient multiplies by {@code W} where it needs {@code W^T}. */
    TRANSPOSED_WEIGHTS_IN_INPUT_GRADIENT,
    /** The input gradient forgets the skip connection's {@code u}. */
    MISSING_SKIP_PATH
  }

  private final Bug bug;
  private final ModelSpec spec;

  public ResidualEnergy(Bug bug) {
    this.bug = bug;
    this.spec =
        ModelSpec.named("residual tanh block, energy" + (bug == Bug.NONE ? "" : " (" + bug + ")"))
            .inputs("batch", "in")
            .parameter("w", "in", "in");
  }

  @Override
  public ModelSpec spec() {
    return spec;
  }

  @Override
  public double loss(Parameters p, Batch b) {
    return run(p, b, null, null);
  }

  @Override
  public void gradient(Parameters p, Batch b, Parameters g) {
    run(p, b, g.matrix("w"), null);
  }

  @Override
  public boolean hasInputGradient() {
    return true;
  }

  @Override
  public void inputGradient(Parameters p, Batch b, Tensor gx) {
    run(p, b, null, gx.matrix());
  }

  private double run(Parameters p, Batch b, double[][] gw, double[][] gx) {
    double[][] x = b.inputs();
    double[][] w = p.matrix("w");
    int m = w.length;
    double loss = 0;
    for (int r = 0; r < x.length; r++) {
      double[] a = new double[m];
      double[] u = new double[m];
      for (int j = 0; j < m; j++) {
        double s = 0;
        for (int i = 0; i < m; i++) {
          s += w[j][i] * x[r][i];
        }
        a[j] = Math.tanh(s);
        u[j] = x[r][j] + a[j];
        loss += 0.5 * u[j] * u[j];
      }
      double[] dpre = new double[m];
      for (int j = 0; j < m; j++) {
        dpre[j] = u[j] * (1 - a[j] * a[j]);
      }
      if (gw != null) {
        for (int j = 0; j < m; j++) {
          for (int i = 0; i < m; i++) {
            gw[j][i] += dpre[j] * x[r][i];
          }
        }
      }
      if (gx != null) {
        for (int i = 0; i < m; i++) {
          double back = 0;
          for (int j = 0; j < m; j++) {
            back += (bug == Bug.TRANSPOSED_WEIGHTS_IN_INPUT_GRADIENT ? w[i][j] : w[j][i]) * dpre[j];
          }
          gx[r][i] = (bug == Bug.MISSING_SKIP_PATH ? 0 : u[i]) + back;
        }
      }
    }
    return loss;
  }
}
