package io.github.gradprop.examples.matrices;

import io.github.gradprop.model.Batch;
import io.github.gradprop.model.Case;
import io.github.gradprop.model.GradientModel;
import io.github.gradprop.model.ModelSpec;
import io.github.gradprop.model.Models;
import io.github.gradprop.model.Parameters;

/**
 * A two-layer network written with one {@code double[][]} per layer: {@code y = w2 tanh(w1 x + b1)
 * + b2}, squared error averaged over the batch, {@code f = 0.5 / batch * sum((y - t)^2)}.
 *
 * <p>The backward pass writes straight into the gradient's arrays ({@code g.matrix("w1")[j][i] +=
 * ...}); gradprop hands them over filled with zeros and shares their storage, so nothing is copied.
 *
 * <pre>{@code
 * Gradients.assertCorrect(TanhMlp.model(), TanhMlp.fixedCase());                    // passes
 * Gradients.assertCorrect(TanhMlp.modelForgettingTanhDerivative(), TanhMlp.fixedCase());
 *                                                   // GradientMismatchError on w1 and b1 entries
 * }</pre>
 */
public final class TanhMlp {

  /** The shapes: {@code w1} is {@code hidden x in}, {@code w2} is {@code out x hidden}. */
  public static final ModelSpec SPEC = spec("tanh MLP, squared error (double[][] per layer)");

  private TanhMlp() {}

  private static ModelSpec spec(String name) {
    return ModelSpec.named(name)
        .inputs("batch", "in")
        .parameter("w1", "hidden", "in")
        .parameter("b1", "hidden")
        .parameter("w2", "out", "hidden")
        .parameter("b2", "out")
        .targets("batch", "out");
  }

  /** The network with a correct backward pass. */
  public static GradientModel model() {
    return Models.of(SPEC, TanhMlp::loss, (p, b, g) -> backward(p, b, g, true));
  }

  /**
   * The same network with a classic slip: the hidden error is not multiplied by {@code tanh'(z) =
   * 1 - a^2}. The check fails on {@code w1} and {@code b1}; {@code w2} and {@code b2} stay right.
   */
  public static GradientModel modelForgettingTanhDerivative() {
    return Models.of(
        spec("tanh MLP, squared error, tanh' forgotten in backward"),
        TanhMlp::loss,
        (p, b, g) -> backward(p, b, g, false));
  }

  /** The loss {@code 0.5 / batch * sum((y - t)^2)}. */
  static double loss(Parameters p, Batch b) {
    double[][] x = b.inputs();
    double[][] t = b.targets();
    double[][] y = forward(p, x, null);
    double f = 0;
    for (int n = 0; n < x.length; n++) {
      for (int k = 0; k < y[n].length; k++) {
        double d = y[n][k] - t[n][k];
        f += 0.5 * d * d;
      }
    }
    return f / x.length;
  }

  /** Returns {@code y}; stores the hidden activations in {@code hiddenOut} when it is not null. */
  private static double[][] forward(Parameters p, double[][] x, double[][] hiddenOut) {
    double[][] w1 = p.matrix("w1");
    double[] b1 = p.vector("b1");
    double[][] w2 = p.matrix("w2");
    double[] b2 = p.vector("b2");
    double[][] y = new double[x.length][w2.length];
    for (int n = 0; n < x.length; n++) {
      double[] a = new double[w1.length];
      for (int j = 0; j < w1.length; j++) {
        double z = b1[j];
        for (int i = 0; i < x[n].length; i++) {
          z += w1[j][i] * x[n][i];
        }
        a[j] = Math.tanh(z);
      }
      for (int k = 0; k < w2.length; k++) {
        double s = b2[k];
        for (int j = 0; j < a.length; j++) {
          s += w2[k][j] * a[j];
        }
        y[n][k] = s;
      }
      if (hiddenOut != null) {
        hiddenOut[n] = a;
      }
    }
    return y;
  }

  private static void backward(Parameters p, Batch b, Parameters g, boolean tanhDerivative) {
    double[][] x = b.inputs();
    double[][] t = b.targets();
    double[][] w2 = p.matrix("w2");
    double[][] a = new double[x.length][];
    double[][] y = forward(p, x, a);
    double[][] gw1 = g.matrix("w1");
    double[] gb1 = g.vector("b1");
    double[][] gw2 = g.matrix("w2");
    double[] gb2 = g.vector("b2");
    int batch = x.length;
    for (int n = 0; n < batch; n++) {
      double[] dy = new double[w2.length];
      for (int k = 0; k < w2.length; k++) {
        dy[k] = (y[n][k] - t[n][k]) / batch;
        gb2[k] += dy[k];
        for (int j = 0; j < a[n].length; j++) {
          gw2[k][j] += dy[k] * a[n][j];
        }
      }
      for (int j = 0; j < a[n].length; j++) {
        double da = 0;
        for (int k = 0; k < w2.length; k++) {
          da += w2[k][j] * dy[k];
        }
        double dz = tanhDerivative ? da * (1 - a[n][j] * a[n][j]) : da;
        gb1[j] += dz;
        for (int i = 0; i < x[n].length; i++) {
          gw1[j][i] += dz * x[n][i];
        }
      }
    }
  }

  /** A fixed case: batch 4, in 3, hidden 4, out 2. */
  public static Case fixedCase() {
    return Case.builder(SPEC)
        .inputs(
            new double[][] {
              {0.5, -1.0, 2.0},
              {1.5, 0.25, -0.5},
              {-1.0, 0.75, 0.0},
              {0.0, -0.5, 1.0},
            })
        .parameter(
            "w1",
            new double[][] {
              {0.4, -0.3, 0.2},
              {-0.5, 0.6, 0.1},
              {0.3, 0.2, -0.7},
              {0.8, -0.1, 0.5},
            })
        .parameter("b1", new double[] {0.1, -0.2, 0.05, 0.3})
        .parameter(
            "w2",
            new double[][] {
              {0.7, -0.4, 0.3, 0.2},
              {-0.6, 0.5, 0.9, -0.3},
            })
        .parameter("b2", new double[] {0.2, -0.1})
        .targets(
            new double[][] {
              {1.0, -0.5},
              {0.5, 0.0},
              {-1.0, 1.0},
              {0.0, 0.25},
            })
        .build();
  }
}
