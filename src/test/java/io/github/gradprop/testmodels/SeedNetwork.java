package io.github.gradprop.testmodels;

import io.github.gradprop.model.GradientModel;
import io.github.gradprop.model.ModelSpec;
import io.github.gradprop.model.Models;

/**
 * The network of the motivating question, as its author wrote it: {@code [f, df] = backprop(W, X,
 * Y)} over one flat weight vector, one hidden layer, bias columns, the same activation in both
 * layers, and a cross-entropy backward that uses the sigmoid shortcut {@code delta3 = y - Y} for
 * every activation (the bug).
 */
public final class SeedNetwork {

  public enum Activation {
    SIGMOID,
    TANH,
    RELU;

    double f(double z) {
      switch (this) {
        case SIGMOID:
          return 1 / (1 + Math.exp(-z));
        case TANH:
          return Math.tanh(z);
        default:
          return z > 0 ? z : 0;
      }
    }

    double df(double z) {
      switch (this) {
        case SIGMOID:
          double s = f(z);
          return s * (1 - s);
        case TANH:
          double t = Math.tanh(z);
          return 1 - t * t;
        default:
          return z > 0 ? 1 : 0;
      }
    }
  }

  public enum Cost {
    SQUARED_ERROR,
    CROSS_ENTROPY,
    SOFTMAX_CROSS_ENTROPY
  }

  static final double EPS = Math.ulp(1.0);

  public static final ModelSpec SPEC =
      ModelSpec.named("seed network")
          .inputs("batch", "in")
          .parameter("w1", "hidden", "in + 1")
          .parameter("w2", "out", "hidden + 1")
          .targets("batch", "out");

  private SeedNetwork() {}

  public static GradientModel model(Activation act, Cost cost) {
    ModelSpec spec =
        ModelSpec.named(
                "seed network: "
                    + act.name().toLowerCase()
                    + ", "
                    + cost.name().toLowerCase().replace('_', ' '))
            .inputs("batch", "in")
            .parameter("w1", "hidden", "in + 1")
            .parameter("w2", "out", "hidden + 1")
            .targets("batch", "out")
            .dimOrder("batch", "in", "hidden", "out");
    return Models.flat(
        spec,
        (w, x, y) -> run(act, cost, w, x, y, null),
        (w, x, y) -> {
          double[] df = new double[w.length];
          run(act, cost, w, x, y, df);
          return df;
        });
  }

  /** Returns f; fills df when given. */
  static double run(
      Activation act, Cost cost, double[] w, double[][] x, double[][] y, double[] df) {
    int n = x.length;
    int in = x[0].length;
    int out = y[0].length;
    int hidden = (w.length - out) / (in + 1 + out);
    int w2Offset = hidden * (in + 1);
    double f = 0;
    for (int r = 0; r < n; r++) {
      double[] z2 = new double[hidden];
      double[] a2 = new double[hidden + 1];
      for (int j = 0; j < hidden; j++) {
        double s = w[j * (in + 1) + in]; // bias column
        for (int i = 0; i < in; i++) {
          s += w[j * (in + 1) + i] * x[r][i];
        }
        z2[j] = s;
        a2[j] = act.f(s);
      }
      a2[hidden] = 1;
      double[] z3 = new double[out];
      double[] yHat = new double[out];
      for (int k = 0; k < out; k++) {
        double s = 0;
        for (int j = 0; j <= hidden; j++) {
          s += w[w2Offset + k * (hidden + 1) + j] * a2[j];
        }
        z3[k] = s;
      }
      if (cost == Cost.SOFTMAX_CROSS_ENTROPY) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z3) {
          max = Math.max(max, v);
        }
        double sum = 0;
        for (int k = 0; k < out; k++) {
          yHat[k] = Math.exp(z3[k] - max);
          sum += yHat[k];
        }
        for (int k = 0; k < out; k++) {
          yHat[k] /= sum;
          f -= y[r][k] * Math.log(yHat[k]);
        }
      } else {
        for (int k = 0; k < out; k++) {
          yHat[k] = act.f(z3[k]);
          if (cost == Cost.CROSS_ENTROPY) {
            f -=
                y[r][k] * Math.log(Math.max(yHat[k], EPS))
                    + (1 - y[r][k]) * Math.log(Math.max(1 - yHat[k], EPS));
          } else {
            double d = yHat[k] - y[r][k];
            f += 0.5 * d * d;
          }
        }
      }
      if (df == null) {
        continue;
      }
      double[] delta3 = new double[out];
      for (int k = 0; k < out; k++) {
        delta3[k] =
            cost == Cost.SQUARED_ERROR
                ? (yHat[k] - y[r][k]) * act.df(z3[k])
                : yHat[k] - y[r][k]; // the question's CE backward: right for sigmoid/softmax only
        for (int j = 0; j <= hidden; j++) {
          df[w2Offset + k * (hidden + 1) + j] += delta3[k] * a2[j];
        }
      }
      for (int j = 0; j < hidden; j++) {
        double back = 0;
        for (int k = 0; k < out; k++) {
          back += delta3[k] * w[w2Offset + k * (hidden + 1) + j];
        }
        double delta2 = back * act.df(z2[j]);
        for (int i = 0; i < in; i++) {
          df[j * (in + 1) + i] += delta2 * x[r][i];
        }
        df[j * (in + 1) + in] += delta2;
      }
    }
    return f;
  }
}
