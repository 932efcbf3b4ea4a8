package io.github.gradprop.testmodels.zoo;

import io.github.gradprop.model.Batch;
import io.github.gradprop.model.GradientModel;
import io.github.gradprop.model.ModelSpec;
import io.github.gradprop.model.Parameters;

/**
 * One head of scaled dot-product self-attention over rank-3 inputs {@code [batch, seq, dmodel]}:
 * {@code softmax(Q K^T / sqrt(dk)) V} with {@code Q, K, V} linear in the inputs, squared error
 * against rank-3 targets {@code [batch, seq, dv]}.
 */
public final class SelfAttention implements GradientModel {

  public enum Bug {
    NONE,
    /**
     * The query gradient uses the transposed score gradient, {@code dS^T K} instead of {@code dS
     * K}.
     */
    TRANSPOSED_SCORE_GRADIENT,
    /** The softmax backward forgets {@code - A * rowsum(A * dA)}. */
    MISSING_SOFTMAX_CORRECTION
  }

  private final Bug bug;
  private final ModelSpec spec;

  public SelfAttention(Bug bug) {
    this.bug = bug;
    this.spec =
        ModelSpec.named("self-attention, squared error" + (bug == Bug.NONE ? "" : " (" + bug + ")"))
            .inputs("batch", "seq", "dmodel")
            .parameter("wq", "dk", "dmodel")
            .parameter("wk", "dk", "dmodel")
            .parameter("wv", "dv", "dmodel")
            .targets("batch", "seq", "dv");
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

  private double run(Parameters p, Batch b, Parameters g) {
    double[] xs = b.inputTensor().vector();
    double[] ys = b.targetTensor().vector();
    int n = b.inputTensor().shape(0);
    int s = b.inputTensor().shape(1);
    int d = b.inputTensor().shape(2);
    double[][] wq = p.matrix("wq");
    double[][] wk = p.matrix("wk");
    double[][] wv = p.matrix("wv");
    int dk = wq.length;
    int dv = wv.length;
    double scale = 1 / Math.sqrt(dk);
    double loss = 0;
    for (int nn = 0; nn < n; nn++) {
      double[][] x = new double[s][d];
      for (int i = 0; i < s; i++) {
        System.arraycopy(xs, (nn * s + i) * d, x[i], 0, d);
      }
      double[][] q = times(x, wq);
      double[][] k = times(x, wk);
      double[][] v = times(x, wv);
      double[][] a = new double[s][s];
      for (int i = 0; i < s; i++) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < s; j++) {
          a[i][j] = dot(q[i], k[j]) * scale;
          max = Math.max(max, a[i][j]);
        }
        double sum = 0;
        for (int j = 0; j < s; j++) {
          a[i][j] = Math.exp(a[i][j] - max);
          sum += a[i][j];
        }
        for (int j = 0; j < s; j++) {
          a[i][j] /= sum;
        }
      }
      double[][] dOut = new double[s][dv];
      for (int i = 0; i < s; i++) {
        for (int c = 0; c < dv; c++) {
          double o = 0;
          for (int j = 0; j < s; j++) {
            o += a[i][j] * v[j][c];
          }
          dOut[i][c] = o - ys[(nn * s + i) * dv + c];
          loss += 0.5 * dOut[i][c] * dOut[i][c];
        }
      }
      if (g == null) {
        continue;
      }
      double[][] dv_ = new double[s][dv];
      double[][] dScore = new double[s][s];
      for (int i = 0; i < s; i++) {
        double[] dA = new double[s];
        double rowSum = 0;
        for (int j = 0; j < s; j++) {
          dA[j] = dot(dOut[i], v[j]);
          rowSum += a[i][j] * dA[j];
          for (int c = 0; c < dv; c++) {
            dv_[j][c] += a[i][j] * dOut[i][c];
          }
        }
        for (int j = 0; j < s; j++) {
          double correction = bug == Bug.MISSING_SOFTMAX_CORRECTION ? 0 : rowSum;
          dScore[i][j] = a[i][j] * (dA[j] - correction) * scale;
        }
      }
      double[][] dq = new double[s][dk];
      double[][] dkk = new double[s][dk];
      for (int i = 0; i < s; i++) {
        for (int j = 0; j < s; j++) {
          double forQuery = bug == Bug.TRANSPOSED_SCORE_GRADIENT ? dScore[j][i] : dScore[i][j];
          for (int c = 0; c < dk; c++) {
            dq[i][c] += forQuery * k[j][c];
            dkk[j][c] += dScore[i][j] * q[i][c];
          }
        }
      }
      accumulate(g.matrix("wq"), dq, x);
      accumulate(g.matrix("wk"), dkk, x);
      accumulate(g.matrix("wv"), dv_, x);
    }
    return loss;
  }

  /** {@code x w^T}: one row per position. */
  private static double[][] times(double[][] x, double[][] w) {
    double[][] out = new double[x.length][w.length];
    for (int i = 0; i < x.length; i++) {
      for (int r = 0; r < w.length; r++) {
        out[i][r] = dot(x[i], w[r]);
      }
    }
    return out;
  }

  /** {@code gw += dy^T x}. */
  private static void accumulate(double[][] gw, double[][] dy, double[][] x) {
    for (int i = 0; i < x.length; i++) {
      for (int r = 0; r < gw.length; r++) {
        for (int c = 0; c < gw[r].length; c++) {
          gw[r][c] += dy[i][r] * x[i][c];
        }
      }
    }
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
