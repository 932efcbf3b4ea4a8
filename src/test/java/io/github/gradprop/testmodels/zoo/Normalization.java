package io.github.gradprop.testmodels.zoo;

import io.github.gradprop.model.Batch;
import io.github.gradprop.model.GradientModel;
import io.github.gradprop.model.ModelSpec;
import io.github.gradprop.model.Parameters;
import io.github.gradprop.model.Tensor;

/**
 * Layer or batch normalization with a learned scale {@code gamma} and shift {@code beta} per
 * feature, then squared error against real targets. Checks the input gradient, where both bugs
 * live: {@code dx = (dxhat - mean(dxhat) - xhat * mean(dxhat * xhat)) / sigma}.
 */
public final class Normalization implements GradientModel {

  /** Which entries share a mean and variance. */
  public enum Axis {
    /** Each example over its features (layer norm). */
    LAYER,
    /** Each feature over the batch (batch norm). */
    BATCH
  }

  public enum Bug {
    NONE,
    /** Drops {@code - mean(dxhat)}: treats the mean as a constant. */
    MISSING_MEAN_TERM,
    /** Drops {@code - xhat * mean(dxhat * xhat)}: treats the variance as a constant. */
    MISSING_VARIANCE_TERM,
    /** Divides by {@code sqrt(var)} in the backward pass, forgetting the {@code eps}. */
    EPS_MISSING_IN_BACKWARD
  }

  static final double EPS = 1e-5;

  private final Axis axis;
  private final Bug bug;
  private final ModelSpec spec;

  public Normalization(Axis axis, Bug bug) {
    this.axis = axis;
    this.bug = bug;
    this.spec =
        ModelSpec.named(
                (axis == Axis.LAYER ? "layer norm" : "batch norm")
                    + ", squared error"
                    + (bug == Bug.NONE ? "" : " (" + bug + ")"))
            .inputs("batch", "features")
            .parameter("gamma", "features")
            .parameter("beta", "features")
            .targets("batch", "features");
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
    run(p, b, g, null);
  }

  @Override
  public boolean hasInputGradient() {
    return true;
  }

  @Override
  public void inputGradient(Parameters p, Batch b, Tensor gx) {
    run(p, b, null, gx.matrix());
  }

  private double run(Parameters p, Batch b, Parameters g, double[][] gx) {
    double[][] x = b.inputs();
    double[][] y = b.targets();
    double[] gamma = p.vector("gamma");
    double[] beta = p.vector("beta");
    int rows = x.length;
    int features = gamma.length;
    int groups = axis == Axis.LAYER ? rows : features;
    int members = axis == Axis.LAYER ? features : rows;
    double loss = 0;
    for (int grp = 0; grp < groups; grp++) {
      double mean = 0;
      for (int m = 0; m < members; m++) {
        mean += at(x, grp, m);
      }
      mean /= members;
      double var = 0;
      for (int m = 0; m < members; m++) {
        double d = at(x, grp, m) - mean;
        var += d * d;
      }
      var /= members;
      double sigma = Math.sqrt(var + EPS);
      double[] xhat = new double[members];
      double[] dxhat = new double[members];
      double meanDxhat = 0;
      double meanDxhatXhat = 0;
      for (int m = 0; m < members; m++) {
        int f = feature(grp, m);
        xhat[m] = (at(x, grp, m) - mean) / sigma;
        double r = gamma[f] * xhat[m] + beta[f] - at(y, grp, m);
        loss += 0.5 * r * r;
        if (g != null) {
          g.vector("gamma")[f] += r * xhat[m];
          g.vector("beta")[f] += r;
        }
        dxhat[m] = r * gamma[f];
        meanDxhat += dxhat[m] / members;
        meanDxhatXhat += dxhat[m] * xhat[m] / members;
      }
      if (gx == null) {
        continue;
      }
      for (int m = 0; m < members; m++) {
        double d = dxhat[m];
        if (bug != Bug.MISSING_MEAN_TERM) {
          d -= meanDxhat;
        }
        if (bug != Bug.MISSING_VARIANCE_TERM) {
          d -= xhat[m] * meanDxhatXhat;
        }
        set(gx, grp, m, d / (bug == Bug.EPS_MISSING_IN_BACKWARD ? Math.sqrt(var) : sigma));
      }
    }
    return loss;
  }

  private int feature(int group, int member) {
    return axis == Axis.LAYER ? member : group;
  }

  private double at(double[][] a, int group, int member) {
    return axis == Axis.LAYER ? a[group][member] : a[member][group];
  }

  private void set(double[][] a, int group, int member, double v) {
    if (axis == Axis.LAYER) {
      a[group][member] = v;
    } else {
      a[member][group] = v;
    }
  }
}
