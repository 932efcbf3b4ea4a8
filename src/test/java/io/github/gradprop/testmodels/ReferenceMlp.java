package io.github.gradprop.testmodels;

import io.github.gradprop.model.Batch;
import io.github.gradprop.model.Case;
import io.github.gradprop.model.GradientModel;
import io.github.gradprop.model.ModelSpec;
import io.github.gradprop.model.Parameters;
import java.util.Map;
import java.util.Random;

/**
 * The reference MLP: in -> hidden (ReLU) -> out, softmax cross-entropy averaged over the batch,
 * with hand-written backward. 20-50-10 at batch 8 has 1,560 parameters, as in the PyTorch anchor.
 */
public class ReferenceMlp implements GradientModel {

  public static final ModelSpec SPEC =
      ModelSpec.named("reference MLP: relu, softmax cross-entropy")
          .inputs("batch", "in")
          .parameter("w1", "hidden", "in")
          .parameter("b1", "hidden")
          .parameter("w2", "out", "hidden")
          .parameter("b2", "out")
          .targets("batch", "out");

  @Override
  public ModelSpec spec() {
    return SPEC;
  }

  @Override
  public double loss(Parameters p, Batch b) {
    return forward(p, b, null, null, null);
  }

  /** Runs the forward pass; fills pre-activations, activations and softmax when given arrays. */
  protected double forward(
      Parameters p, Batch b, double[][] zOut, double[][] aOut, double[][] softmaxOut) {
    double[][] w1 = p.matrix("w1");
    double[] b1 = p.vector("b1");
    double[][] w2 = p.matrix("w2");
    double[] b2 = p.vector("b2");
    double[][] x = b.inputs();
    double[][] y = b.targets();
    int batch = x.length;
    int hidden = w1.length;
    int out = w2.length;
    double total = 0;
    double[] z = new double[hidden];
    double[] a = new double[hidden];
    double[] logits = new double[out];
    for (int n = 0; n < batch; n++) {
      for (int j = 0; j < hidden; j++) {
        double s = b1[j];
        for (int i = 0; i < x[n].length; i++) {
          s += w1[j][i] * x[n][i];
        }
        z[j] = s;
        a[j] = s > 0 ? s : 0;
      }
      double max = Double.NEGATIVE_INFINITY;
      for (int k = 0; k < out; k++) {
        double s = b2[k];
        for (int j = 0; j < hidden; j++) {
          s += w2[k][j] * a[j];
        }
        logits[k] = s;
        max = Math.max(max, s);
      }
      double sum = 0;
      for (int k = 0; k < out; k++) {
        sum += Math.exp(logits[k] - max);
      }
      double logSum = max + Math.log(sum);
      for (int k = 0; k < out; k++) {
        total -= y[n][k] * (logits[k] - logSum);
        if (softmaxOut != null) {
          softmaxOut[n][k] = Math.exp(logits[k] - logSum);
        }
      }
      if (zOut != null) {
        System.arraycopy(z, 0, zOut[n], 0, hidden);
        System.arraycopy(a, 0, aOut[n], 0, hidden);
      }
    }
    return total / batch;
  }

  @Override
  public void gradient(Parameters p, Batch b, Parameters g) {
    double[][] w2 = p.matrix("w2");
    double[][] x = b.inputs();
    double[][] y = b.targets();
    int batch = x.length;
    int hidden = w2[0].length;
    int out = w2.length;
    double[][] z = new double[batch][hidden];
    double[][] a = new double[batch][hidden];
    double[][] s = new double[batch][out];
    forward(p, b, z, a, s);
    double[][] gw1 = g.matrix("w1");
    double[] gb1 = g.vector("b1");
    double[][] gw2 = g.matrix("w2");
    double[] gb2 = g.vector("b2");
    for (int n = 0; n < batch; n++) {
      double ysum = 0;
      for (int k = 0; k < out; k++) {
        ysum += y[n][k];
      }
      double[] delta2 = new double[out];
      for (int k = 0; k < out; k++) {
        delta2[k] = (s[n][k] * ysum - y[n][k]) / batch;
        gb2[k] += delta2[k];
        for (int j = 0; j < hidden; j++) {
          gw2[k][j] += delta2[k] * a[n][j];
        }
      }
      for (int j = 0; j < hidden; j++) {
        double back = 0;
        for (int k = 0; k < out; k++) {
          back += w2[k][j] * delta2[k];
        }
        double delta1 = z[n][j] > 0 ? back : 0;
        gb1[j] += delta1;
        for (int i = 0; i < x[n].length; i++) {
          gw1[j][i] += delta1 * x[n][i];
        }
      }
    }
  }

  /**
   * A random case with weights ~ N(0, 0.3^2), biases ~ N(0, 0.1^2), inputs ~ N(0, 1), one-hot
   * targets.
   */
  public static Case randomCase(long seed, int batch, int in, int hidden, int out) {
    Random r = new Random(seed);
    Case c = Case.zeros(SPEC, Map.of("batch", batch, "in", in, "hidden", hidden, "out", out));
    Parameters p = c.parameters();
    fill(p.matrix("w1"), r, 0.3);
    fill(p.vector("b1"), r, 0.1);
    fill(p.matrix("w2"), r, 0.3);
    fill(p.vector("b2"), r, 0.1);
    fill(c.batch().inputs(), r, 1.0);
    double[][] y = c.batch().targets();
    for (double[] row : y) {
      row[r.nextInt(out)] = 1.0;
    }
    return c;
  }

  /** The reference size: 20-50-10, batch 8. */
  public static Case referenceCase(long seed) {
    return randomCase(seed, 8, 20, 50, 10);
  }

  private static void fill(double[][] m, Random r, double sd) {
    for (double[] row : m) {
      fill(row, r, sd);
    }
  }

  private static void fill(double[] v, Random r, double sd) {
    for (int i = 0; i < v.length; i++) {
      v[i] = sd * r.nextGaussian();
    }
  }
}
