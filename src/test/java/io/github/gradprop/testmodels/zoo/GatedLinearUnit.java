package io.github.gradprop.testmodels.zoo;

import io.github.gradprop.model.Batch;
import io.github.gradprop.model.GradientModel;
import io.github.gradprop.model.ModelSpec;
import io.github.gradprop.model.Parameters;

/**
 * A gated linear unit with both halves stacked in one weight matrix {@code w[2 * hidden, in]}, as
 * LSTM and GRU code stacks its gates: rows {@code 0 .. hidden-1} give the value {@code a}, rows
 * {@code hidden .. 2 hidden - 1} the gate {@code g}; {@code h = a * sigmoid(g)}, then a linear
 * readout {@code v[out, hidden]} and squared error.
 */
public final class GatedLinearUnit implements GradientModel {

  public enum Bug {
    NONE,
    /** The gate's gradient forgets the factor {@code sigmoid'(g)}. */
    MISSING_GATE_DERIVATIVE,
    /** The backward pass writes the value rows' gradient into the gate rows and vice versa. */
    GATE_HALVES_SWAPPED,
    /** The gate rows' gradient lands one unit off (row {@code hidden + (j + 1) % hidden}). */
    GATE_ROWS_ROTATED
  }

  private final Bug bug;
  private final ModelSpec spec;

  public GatedLinearUnit(Bug bug) {
    this.bug = bug;
    this.spec =
        ModelSpec.named(
                "gated linear unit, squared error" + (bug == Bug.NONE ? "" : " (" + bug + ")"))
            .inputs("batch", "in")
            .parameter("w", "2 * hidden", "in")
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
    double[][] x = batch.inputs();
    double[][] y = batch.targets();
    double[][] w = p.matrix("w");
    double[][] v = p.matrix("v");
    int hidden = v[0].length;
    double loss = 0;
    for (int r = 0; r < x.length; r++) {
      double[] a = new double[hidden];
      double[] s = new double[hidden];
      double[] h = new double[hidden];
      for (int j = 0; j < hidden; j++) {
        double gate = 0;
        for (int i = 0; i < x[r].length; i++) {
          a[j] += w[j][i] * x[r][i];
          gate += w[hidden + j][i] * x[r][i];
        }
        s[j] = 1 / (1 + Math.exp(-gate));
        h[j] = a[j] * s[j];
      }
      double[] dh = new double[hidden];
      for (int o = 0; o < v.length; o++) {
        double out = 0;
        for (int j = 0; j < hidden; j++) {
          out += v[o][j] * h[j];
        }
        double res = out - y[r][o];
        loss += 0.5 * res * res;
        if (g != null) {
          for (int j = 0; j < hidden; j++) {
            g.matrix("v")[o][j] += res * h[j];
            dh[j] += res * v[o][j];
          }
        }
      }
      if (g == null) {
        continue;
      }
      double[][] gw = g.matrix("w");
      int valueRows = bug == Bug.GATE_HALVES_SWAPPED ? hidden : 0;
      int gateRows = bug == Bug.GATE_HALVES_SWAPPED ? 0 : hidden;
      for (int j = 0; j < hidden; j++) {
        double da = dh[j] * s[j];
        double dgate = dh[j] * a[j] * (bug == Bug.MISSING_GATE_DERIVATIVE ? 1 : s[j] * (1 - s[j]));
        for (int i = 0; i < x[r].length; i++) {
          gw[valueRows + j][i] += da * x[r][i];
          int gateRow = bug == Bug.GATE_ROWS_ROTATED ? hidden + (j + 1) % hidden : gateRows + j;
          gw[gateRow][i] += dgate * x[r][i];
        }
      }
    }
    return loss;
  }
}
