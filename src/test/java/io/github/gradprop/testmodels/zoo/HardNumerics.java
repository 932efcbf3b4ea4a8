package io.github.gradprop.testmodels.zoo;

import io.github.gradprop.model.Batch;
import io.github.gradprop.model.GradientModel;
import io.github.gradprop.model.ModelSpec;
import io.github.gradprop.model.Parameters;

/**
 * Correct models that are hard numerically, each with a buggy twin, over a linear map {@code a_k =
 * w_k . x}: a loss near 1e6, gradients spanning 1e-6 to 1e3 within the one tensor {@code w}, a
 * saturated tanh, and smooth-L1 with a small beta (the curvature jumps from 1/beta to 0 within a
 * residual of 1e-3). Large logits are {@link LargeLogits}.
 */
public final class HardNumerics implements GradientModel {

  /** Which hard model. */
  public enum Kind {
    /** {@code 0.5 (1000 a + 1000 - y)^2}: losses near 1e6. Bug: the gradient is 1e-4 too large. */
    LOSS_NEAR_1E6,
    /**
     * {@code 0.5 (s_k a_k - y)^2} with {@code s_k^2} from 1e-6 to 1e3 over the rows of {@code w}.
     * Bug: every entry 1% off.
     */
    WIDE_GRADIENTS,
    /** {@code 0.5 (tanh(8 a + 4) - y)^2}. Bug: {@code 1 - tanh} for {@code 1 - tanh^2}. */
    SATURATED_TANH,
    /** Smooth-L1 of {@code a - y} with beta 1e-3. Bug: the quadratic branch used up to 1. */
    SMOOTH_L1_SMALL_BETA
  }

  private static final double BETA = 1e-3;

  private final Kind kind;
  private final boolean correct;

  public HardNumerics(Kind kind, boolean correct) {
    this.kind = kind;
    this.correct = correct;
  }

  @Override
  public ModelSpec spec() {
    return ModelSpec.named(
            kind.name().toLowerCase(java.util.Locale.ROOT) + (correct ? "" : " (bug)"))
        .inputs("batch", "in")
        .parameter("w", "out", "in")
        .targets("batch", "out");
  }

  @Override
  public double loss(Parameters p, Batch b) {
    return pass(p, b, null);
  }

  @Override
  public void gradient(Parameters p, Batch b, Parameters g) {
    pass(p, b, g);
  }

  private static double wideScale(int k, int out) {
    double exponent = out == 1 ? 0 : -6 + 9.0 * k / (out - 1);
    return Math.pow(10, exponent / 2);
  }

  private double pass(Parameters p, Batch b, Parameters g) {
    double[][] w = p.matrix("w");
    double[][] x = b.inputs();
    double[][] y = b.targets();
    double total = 0;
    for (int n = 0; n < x.length; n++) {
      for (int k = 0; k < w.length; k++) {
        double a = 0;
        for (int i = 0; i < x[n].length; i++) {
          a += w[k][i] * x[n][i];
        }
        double[] lossAndSlope = lossAndSlope(a, y[n][k], k, w.length);
        total += lossAndSlope[0];
        if (g != null) {
          for (int i = 0; i < x[n].length; i++) {
            g.matrix("w")[k][i] += lossAndSlope[1] * x[n][i] / x.length;
          }
        }
      }
    }
    return total / x.length;
  }

  /** The loss of one output and its derivative in {@code a}. */
  private double[] lossAndSlope(double a, double y, int k, int out) {
    switch (kind) {
      case LOSS_NEAR_1E6:
        {
          double r = 1000 * a + 1000 - y;
          return new double[] {0.5 * r * r, 1000 * r * (correct ? 1 : 1 + 1e-4)};
        }
      case WIDE_GRADIENTS:
        {
          double s = wideScale(k, out);
          double r = s * a - y;
          return new double[] {0.5 * r * r, s * r * (correct ? 1 : 1.01)};
        }
      case SATURATED_TANH:
        {
          double t = Math.tanh(8 * a + 4);
          double r = t - y;
          return new double[] {0.5 * r * r, r * 8 * (correct ? 1 - t * t : 1 - t)};
        }
      case SMOOTH_L1_SMALL_BETA:
        {
          double r = a - y;
          double loss = Math.abs(r) < BETA ? 0.5 * r * r / BETA : Math.abs(r) - 0.5 * BETA;
          double slope;
          if (Math.abs(r) < BETA) {
            slope = r / BETA;
          } else {
            slope = !correct && Math.abs(r) < 1 ? r : Math.signum(r);
          }
          return new double[] {loss, slope};
        }
      default:
        throw new IllegalStateException(String.valueOf(kind));
    }
  }
}
