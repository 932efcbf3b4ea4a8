package io.github.gradprop.testmodels;

import io.github.gradprop.model.Batch;
import io.github.gradprop.model.Case;
import io.github.gradprop.model.GradientModel;
import io.github.gradprop.model.ModelSpec;
import io.github.gradprop.model.Parameters;
import io.github.gradprop.model.Tensor;
import java.util.Map;
import java.util.Random;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Linear regression with squared error, {@code L = 1/(2B) sum (x w^T + b - y)^2}, written with
 * Commons Math {@code RealMatrix} as a user holding matrices would. Its gradient is known in closed
 * form: {@code dL/dw = R^T X / B}, {@code dL/db = 1^T R / B}, {@code dL/dX = R W / B}, where {@code
 * R = X W^T + 1 b^T - Y}.
 */
public final class LinearRegression implements GradientModel {

  public static final ModelSpec SPEC =
      ModelSpec.named("linear regression, squared error")
          .inputs("batch", "in")
          .parameter("w", "out", "in")
          .parameter("b", "out")
          .targets("batch", "out");

  private final boolean forgetBatchMean;
  private final boolean withInputGradient;
  private final boolean inputGradientSignFlipped;

  private LinearRegression(boolean forgetBatchMean, boolean withInputGradient, boolean flipped) {
    this.forgetBatchMean = forgetBatchMean;
    this.withInputGradient = withInputGradient;
    this.inputGradientSignFlipped = flipped;
  }

  public static LinearRegression correct() {
    return new LinearRegression(false, false, false);
  }

  /** The classic bug: the gradient forgets to divide by the batch size. */
  public static LinearRegression forgettingTheBatchMean() {
    return new LinearRegression(true, false, false);
  }

  public static LinearRegression withInputGradient() {
    return new LinearRegression(false, true, false);
  }

  /** Correct parameter gradient, but d loss / d inputs has the wrong sign. */
  public static LinearRegression withInputGradientSignFlipped() {
    return new LinearRegression(false, true, true);
  }

  @Override
  public ModelSpec spec() {
    return SPEC;
  }

  private static RealMatrix residual(Parameters p, Batch batch) {
    RealMatrix x = batch.inputTensor().realMatrix();
    RealMatrix w = p.realMatrix("w");
    double[] b = p.vector("b");
    RealMatrix r = x.multiply(w.transpose()).subtract(batch.targetTensor().realMatrix());
    for (int n = 0; n < r.getRowDimension(); n++) {
      for (int o = 0; o < b.length; o++) {
        r.addToEntry(n, o, b[o]);
      }
    }
    return r;
  }

  @Override
  public double loss(Parameters p, Batch batch) {
    double norm = residual(p, batch).getFrobeniusNorm();
    return norm * norm / (2 * batch.inputs().length);
  }

  @Override
  public void gradient(Parameters p, Batch batch, Parameters g) {
    RealMatrix r = residual(p, batch);
    double scale = forgetBatchMean ? 1.0 : 1.0 / batch.inputs().length;
    g.set("w", r.transpose().multiply(batch.inputTensor().realMatrix()).scalarMultiply(scale));
    double[] gb = g.vector("b");
    for (int o = 0; o < gb.length; o++) {
      for (int n = 0; n < r.getRowDimension(); n++) {
        gb[o] += r.getEntry(n, o) * scale;
      }
    }
  }

  @Override
  public boolean hasInputGradient() {
    return withInputGradient;
  }

  @Override
  public void inputGradient(Parameters p, Batch batch, Tensor gradient) {
    double sign = inputGradientSignFlipped ? -1 : 1;
    RealMatrix gx =
        residual(p, batch).multiply(p.realMatrix("w")).scalarMultiply(sign / batch.inputs().length);
    double[][] out = gradient.matrix();
    for (int n = 0; n < out.length; n++) {
      System.arraycopy(gx.getRow(n), 0, out[n], 0, out[n].length);
    }
  }

  /** A random case; all values ~ N(0, 1). */
  public static Case randomCase(long seed, int batch, int in, int out) {
    Random r = new Random(seed);
    Case c = Case.zeros(SPEC, Map.of("batch", batch, "in", in, "out", out));
    for (Tensor t : c.tensors()) {
      for (int i = 0; i < t.size(); i++) {
        t.set(i, r.nextGaussian());
      }
    }
    return c;
  }

  /** The closed-form gradient of {@code tensor} ("w", "b" or "inputs"), row-major, by loops. */
  public static double[] closedForm(Case c, String tensor) {
    double[][] x = c.batch().inputs();
    double[][] y = c.batch().targets();
    double[][] w = c.parameters().matrix("w");
    double[] b = c.parameters().vector("b");
    int batch = x.length;
    int in = x[0].length;
    int out = w.length;
    double[][] r = new double[batch][out];
    for (int n = 0; n < batch; n++) {
      for (int o = 0; o < out; o++) {
        double s = b[o] - y[n][o];
        for (int i = 0; i < in; i++) {
          s += w[o][i] * x[n][i];
        }
        r[n][o] = s;
      }
    }
    switch (tensor) {
      case "w":
        {
          double[] g = new double[out * in];
          for (int o = 0; o < out; o++) {
            for (int i = 0; i < in; i++) {
              for (int n = 0; n < batch; n++) {
                g[o * in + i] += r[n][o] * x[n][i] / batch;
              }
            }
          }
          return g;
        }
      case "b":
        {
          double[] g = new double[out];
          for (int o = 0; o < out; o++) {
            for (int n = 0; n < batch; n++) {
              g[o] += r[n][o] / batch;
            }
          }
          return g;
        }
      case "inputs":
        {
          double[] g = new double[batch * in];
          for (int n = 0; n < batch; n++) {
            for (int i = 0; i < in; i++) {
              for (int o = 0; o < out; o++) {
                g[n * in + i] += r[n][o] * w[o][i] / batch;
              }
            }
          }
          return g;
        }
      default:
        throw new IllegalArgumentException(tensor);
    }
  }
}
