package io.github.gradprop.testmodels;

import io.github.gradprop.model.Case;
import io.github.gradprop.model.GradientModel;
import io.github.gradprop.model.ModelSpec;
import io.github.gradprop.model.Models;
import java.util.Random;

/**
 * Logistic regression over one flat weight vector {@code w = [w_0 .. w_{in-1}, bias]}, as a MATLAB
 * user writes {@code [f, df] = logreg(w, X, y)}: {@code L = 1/B sum log(1 + exp(z)) - y z} with
 * {@code z = w . x + bias}, whose gradient is {@code 1/B sum (sigmoid(z) - y) [x, 1]}.
 */
public final class LogisticRegression {

  public static final ModelSpec SPEC =
      ModelSpec.named("logistic regression")
          .inputs("batch", "in")
          .parameter("w", "in + 1")
          .targets("batch", "1");

  private LogisticRegression() {}

  public static GradientModel correct() {
    return Models.flat(SPEC, LogisticRegression::loss, (w, x, y) -> gradient(w, x, y, false));
  }

  /** The bias entry's gradient is forgotten (left at 0). */
  public static GradientModel forgettingTheBias() {
    return Models.flat(SPEC, LogisticRegression::loss, (w, x, y) -> gradient(w, x, y, true));
  }

  static double z(double[] w, double[] x) {
    double z = w[x.length];
    for (int i = 0; i < x.length; i++) {
      z += w[i] * x[i];
    }
    return z;
  }

  public static double loss(double[] w, double[][] x, double[][] y) {
    double total = 0;
    for (int n = 0; n < x.length; n++) {
      double z = z(w, x[n]);
      total += (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) - y[n][0] * z;
    }
    return total / x.length;
  }

  public static double[] gradient(double[] w, double[][] x, double[][] y, boolean forgetBias) {
    double[] g = new double[w.length];
    for (int n = 0; n < x.length; n++) {
      double d = (sigmoid(z(w, x[n])) - y[n][0]) / x.length;
      for (int i = 0; i < x[n].length; i++) {
        g[i] += d * x[n][i];
      }
      if (!forgetBias) {
        g[x[n].length] += d;
      }
    }
    return g;
  }

  static double sigmoid(double z) {
    return 1 / (1 + Math.exp(-z));
  }

  /** A random case: inputs and weights ~ N(0, 1), labels 0 or 1. */
  public static Case randomCase(long seed, int batch, int in) {
    Random r = new Random(seed);
    double[][] x = new double[batch][in];
    double[][] y = new double[batch][1];
    for (int n = 0; n < batch; n++) {
      for (int i = 0; i < in; i++) {
        x[n][i] = r.nextGaussian();
      }
      y[n][0] = r.nextBoolean() ? 1 : 0;
    }
    double[] w = new double[in + 1];
    for (int i = 0; i < w.length; i++) {
      w[i] = r.nextGaussian();
    }
    return Case.builder(SPEC).parameters(w).inputs(x).targets(y).build();
  }
}
