package io.github.gradprop.testmodels.zoo;

import io.github.gradprop.model.Batch;
import io.github.gradprop.model.GradientModel;
import io.github.gradprop.model.ModelSpec;
import io.github.gradprop.model.Parameters;

/**
 * An Elman cell {@code h_t = tanh(wx x_t + wh h_(t-1) + b)} unrolled over rank-3 inputs {@code
 * [batch, time, in]} from {@code h = 0}, a linear readout of the last state, and squared error. The
 * backward pass is backpropagation through time.
 */
public final class TanhRnn implements GradientModel {

  public enum Bug {
    NONE,
    /** Does not carry the state gradient back through {@code wh}: truncated BPTT of one step. */
    MISSING_RECURRENT_TERM,
    /** Carries the state gradient back through {@code wh} instead of {@code wh^T}. */
    UNTRANSPOSED_RECURRENT_WEIGHTS
  }

  private final Bug bug;
  private final ModelSpec spec;

  public TanhRnn(Bug bug) {
    this.bug = bug;
    this.spec =
        ModelSpec.named(
                "tanh RNN, last-state readout, squared error"
                    + (bug == Bug.NONE ? "" : " (" + bug + ")"))
            .inputs("batch", "time", "in")
            .parameter("wx", "hidden", "in")
            .parameter("wh", "hidden", "hidden")
            .parameter("b", "hidden")
            .parameter("v", "out", "hidden")
            .targets("batch", "out");
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

  private double run(Parameters p, Batch batch, Parameters g) {
    double[] xs = batch.inputTensor().vector();
    int n = batch.inputTensor().shape(0);
    int steps = batch.inputTensor().shape(1);
    int in = batch.inputTensor().shape(2);
    double[][] y = batch.targets();
    double[][] wx = p.matrix("wx");
    double[][] wh = p.matrix("wh");
    double[] bias = p.vector("b");
    double[][] v = p.matrix("v");
    int hidden = wx.length;
    double loss = 0;
    for (int nn = 0; nn < n; nn++) {
      double[][] h = new double[steps + 1][hidden]; // h[0] is the initial zero state
      for (int t = 0; t < steps; t++) {
        for (int j = 0; j < hidden; j++) {
          double s = bias[j];
          for (int i = 0; i < in; i++) {
            s += wx[j][i] * xs[(nn * steps + t) * in + i];
          }
          for (int k = 0; k < hidden; k++) {
            s += wh[j][k] * h[t][k];
          }
          h[t + 1][j] = Math.tanh(s);
        }
      }
      double[] r = new double[v.length];
      for (int o = 0; o < v.length; o++) {
        double s = 0;
        for (int j = 0; j < hidden; j++) {
          s += v[o][j] * h[steps][j];
        }
        r[o] = s - y[nn][o];
        loss += 0.5 * r[o] * r[o];
      }
      if (g == null) {
        continue;
      }
      double[][] gv = g.matrix("v");
      double[] dh = new double[hidden];
      for (int o = 0; o < v.length; o++) {
        for (int j = 0; j < hidden; j++) {
          gv[o][j] += r[o] * h[steps][j];
          dh[j] += r[o] * v[o][j];
        }
      }
      for (int t = steps - 1; t >= 0; t--) {
        double[] dpre = new double[hidden];
        for (int j = 0; j < hidden; j++) {
          dpre[j] = dh[j] * (1 - h[t + 1][j] * h[t + 1][j]);
          g.vector("b")[j] += dpre[j];
          for (int i = 0; i < in; i++) {
            g.matrix("wx")[j][i] += dpre[j] * xs[(nn * steps + t) * in + i];
          }
          for (int k = 0; k < hidden; k++) {
            g.matrix("wh")[j][k] += dpre[j] * h[t][k];
          }
        }
        double[] previous = new double[hidden];
        if (bug != Bug.MISSING_RECURRENT_TERM) {
          for (int k = 0; k < hidden; k++) {
            for (int j = 0; j < hidden; j++) {
              previous[k] +=
                  (bug == Bug.UNTRANSPOSED_RECURRENT_WEIGHTS ? wh[k][j] : wh[j][k]) * dpre[j];
            }
          }
        }
        dh = previous;
      }
    }
    return loss;
  }
}
