package io.github.gradprop.testmodels;

import io.github.gradprop.model.Batch;
import io.github.gradprop.model.GradientModel;
import io.github.gradprop.model.ModelSpec;
import io.github.gradprop.model.Parameters;

/**
 * A smooth two-layer network: tanh hidden layer, linear output, squared error. Its backward can
 * carry one of a few planted bugs.
 */
public final class TanhMlp implements GradientModel {

  public enum Bug {
    NONE,
    /**
     * Writes the w1 gradient of hidden unit 0 into unit 1's row and vice versa (needs hidden >= 2).
     */
    SWAP_HIDDEN_0_AND_1,
    /** Forgets the factor 1 - tanh^2 in the hidden layer. */
    MISSING_DERIVATIVE
  }

  private final Bug bug;
  private final ModelSpec spec;

  public TanhMlp(Bug bug) {
    this.bug = bug;
    this.spec =
        ModelSpec.named("tanh MLP, squared error" + (bug == Bug.NONE ? "" : " (" + bug + ")"))
            .inputs("batch", "in")
            .parameter("w1", "hidden", "in")
            .parameter("w2", "out", "hidden")
            .targets("batch", "out")
            .dimOrder("batch", "in", "hidden", "out");
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
    if (bug == Bug.SWAP_HIDDEN_0_AND_1) {
      double[][] gw1 = g.matrix("w1");
      if (gw1.length >= 2) {
        double[] row0 = gw1[0];
        gw1[0] = gw1[1];
        gw1[1] = row0;
      }
    }
  }

  private double run(Parameters p, Batch b, Parameters g) {
    double[][] w1 = p.matrix("w1");
    double[][] w2 = p.matrix("w2");
    double[][] x = b.inputs();
    double[][] y = b.targets();
    double f = 0;
    for (int n = 0; n < x.length; n++) {
      double[] a = new double[w1.length];
      for (int j = 0; j < w1.length; j++) {
        double s = 0;
        for (int i = 0; i < x[n].length; i++) {
          s += w1[j][i] * x[n][i];
        }
        a[j] = Math.tanh(s);
      }
      double[] r = new double[w2.length];
      for (int k = 0; k < w2.length; k++) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
          s += w2[k][j] * a[j];
        }
        r[k] = s - y[n][k];
        f += 0.5 * r[k] * r[k];
      }
      if (g == null) {
        continue;
      }
      double[][] gw1 = g.matrix("w1");
      double[][] gw2 = g.matrix("w2");
      for (int k = 0; k < w2.length; k++) {
        for (int j = 0; j < a.length; j++) {
          gw2[k][j] += r[k] * a[j];
        }
      }
      for (int j = 0; j < a.length; j++) {
        double back = 0;
        for (int k = 0; k < w2.length; k++) {
          back += r[k] * w2[k][j];
        }
        double delta = bug == Bug.MISSING_DERIVATIVE ? back : back * (1 - a[j] * a[j]);
        for (int i = 0; i < x[n].length; i++) {
          gw1[j][i] += delta * x[n][i];
        }
      }
    }
    return f;
  }
}
