package io.github.gradprop.kinks;

import io.github.gradprop.model.Case;
import io.github.gradprop.model.ModelSpec;
import io.github.gradprop.model.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * A small seeded case generator for the kink tests, biased toward kinks on purpose: exact zeros,
 * small integers, ties (copied values) and grid values, plus a per-model tweak that puts a
 * pre-activation or a margin exactly on its kink.
 */
final class KinkCases {

  /** How weights and inputs are drawn. */
  enum Values {
    /** Standard normal: kinks only by chance. */
    GENERIC,
    /** A mix of normal values, {0, +-1, +-0.5, 2}, and copies of earlier values (ties). */
    KINKY,
    /** Every value in {-1, 0, 1}: many coincident zeros and ties. */
    GRID
  }

  /** What the targets are. */
  enum Targets {
    /** Real numbers drawn like the values. */
    REAL,
    /** -1 or +1, for hinge losses. */
    SIGN,
    /** One 1 per row, for softmax cross-entropy. */
    ONE_HOT
  }

  /** Moves a case onto kinks (exactly or within rounding), knowing the model's structure. */
  interface Tweak {
    void apply(Case c, Random random);
  }

  private static final double[] SPECIAL = {0, 1, -1, 0.5, -0.5, 2};

  private KinkCases() {}

  static Case draw(ModelSpec spec, Targets targets, Values values, Tweak tweak, long seed) {
    return draw(spec, targets, values, tweak, seed, 3);
  }

  /** Draws dimensions up to {@code maxDim} ({@code out} and {@code pool} up to 2 less). */
  static Case draw(
      ModelSpec spec, Targets targets, Values values, Tweak tweak, long seed, int maxDim) {
    Random r = new Random(seed);
    Map<String, Integer> dims = new LinkedHashMap<>();
    for (String d : spec.dims()) {
      int max = d.equals("out") || d.equals("pool") ? Math.max(1, maxDim - 1) : maxDim;
      dims.put(d, 1 + r.nextInt(max));
    }
    Case c = Case.zeros(spec, dims);
    fill(c.batch().inputTensor(), values, r);
    for (Tensor t : c.parameters().tensors()) {
      fill(t, values, r);
    }
    Tensor y = c.batch().targetTensor();
    switch (targets) {
      case REAL:
        fill(y, values, r);
        break;
      case SIGN:
        for (int i = 0; i < y.size(); i++) {
          y.set(i, r.nextBoolean() ? 1 : -1);
        }
        break;
      case ONE_HOT:
        int cols = y.shape(1);
        for (int row = 0; row < y.shape(0); row++) {
          y.set(row * cols + r.nextInt(cols), 1);
        }
        break;
      default:
        throw new IllegalArgumentException(String.valueOf(targets));
    }
    if (values != Values.GENERIC && tweak != null && r.nextBoolean()) {
      tweak.apply(c, r);
    }
    return c;
  }

  private static void fill(Tensor t, Values values, Random r) {
    for (int i = 0; i < t.size(); i++) {
      double v;
      switch (values) {
        case GRID:
          v = r.nextInt(3) - 1;
          break;
        case KINKY:
          double u = r.nextDouble();
          if (u < 0.35) {
            v = SPECIAL[r.nextInt(SPECIAL.length)];
          } else if (u < 0.55 && i > 0) {
            v = t.get(r.nextInt(i)) * (r.nextBoolean() ? 1 : -1);
          } else {
            v = r.nextGaussian();
          }
          break;
        default:
          v = r.nextGaussian();
      }
      t.set(i, v);
    }
  }

  /** Sets {@code b1[j]} so that {@code w1[j] . x[n] + b1[j]} is {@code level} for a random row. */
  static Tweak preActivationAt(double... levels) {
    return (c, r) -> {
      double[][] w1 = c.parameters().matrix("w1");
      double[] b1 = c.parameters().vector("b1");
      double[][] x = c.batch().inputs();
      int hits = 1 + r.nextInt(w1.length);
      for (int h = 0; h < hits; h++) {
        int j = r.nextInt(w1.length);
        int n = r.nextInt(x.length);
        b1[j] = levels[r.nextInt(levels.length)] - Layers.dot(w1[j], x[n]);
      }
    };
  }

  /** Sets {@code b2[k]} so that output {@code k} of a random row sits at {@code y + offset}. */
  static Tweak outputAt(Net.Activation act, double... offsets) {
    return (c, r) -> {
      double[][] w1 = c.parameters().matrix("w1");
      double[] b1 = c.parameters().vector("b1");
      double[][] w2 = c.parameters().matrix("w2");
      double[] b2 = c.parameters().vector("b2");
      double[][] x = c.batch().inputs();
      double[][] y = c.batch().targets();
      int n = r.nextInt(x.length);
      int k = r.nextInt(w2.length);
      double[] h = new double[w1.length];
      for (int j = 0; j < w1.length; j++) {
        h[j] = act.value(Layers.dot(w1[j], x[n]) + b1[j]);
      }
      double offset = offsets[r.nextInt(offsets.length)];
      // for the hinge, the kink is at y * o = 1, i.e. o = y (y = +-1)
      b2[k] = y[n][k] + offset - Layers.dot(w2[k], h);
    };
  }

  /** Copies piece a of some maxout units onto piece b: ties for every example. */
  static Tweak maxoutTies() {
    return (c, r) -> {
      double[][] wa = c.parameters().matrix("wa");
      double[][] wb = c.parameters().matrix("wb");
      double[] ba = c.parameters().vector("ba");
      double[] bb = c.parameters().vector("bb");
      for (int j = 0; j < wa.length; j++) {
        if (j == 0 || r.nextBoolean()) {
          System.arraycopy(wa[j], 0, wb[j], 0, wa[j].length);
          bb[j] = ba[j];
        }
      }
    };
  }

  /** Makes the two rows of some pooling windows equal: ties for every example. */
  static Tweak poolTies() {
    return (c, r) -> {
      double[][] w1 = c.parameters().matrix("w1");
      double[] b1 = c.parameters().vector("b1");
      for (int k = 0; 2 * k + 1 < w1.length; k++) {
        if (k == 0 || r.nextBoolean()) {
          System.arraycopy(w1[2 * k], 0, w1[2 * k + 1], 0, w1[2 * k].length);
          b1[2 * k + 1] = b1[2 * k];
        }
      }
    };
  }
}
