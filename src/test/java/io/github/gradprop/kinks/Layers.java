package io.github.gradprop.kinks;

import io.github.gradprop.model.ModelSpec;
import io.github.gradprop.model.Parameters;

/** Activations, output losses, layers and small helpers shared by the kink fixtures. */
final class Layers {

  private Layers() {}

  static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  /**
   * The spec of a linear layer {@code w1 [width, in]}, {@code b1 [width]}, some hidden values of
   * size {@code hidden}, and a linear output {@code w2 [out, hidden]}, {@code b2 [out]}, with
   * inputs {@code [batch, in]} and targets {@code [batch, out]}.
   */
  static ModelSpec twoLayers(String name, String width, String hidden) {
    return ModelSpec.named(name)
        .inputs("batch", "in")
        .parameter("w1", width, "in")
        .parameter("b1", width)
        .parameter("w2", "out", hidden)
        .parameter("b2", "out")
        .targets("batch", "out");
  }

  /** The linear layer {@code z = w x + b} of one example. */
  static double[] linear(double[][] w, double[] b, double[] x) {
    double[] z = new double[w.length];
    for (int j = 0; j < z.length; j++) {
      z[j] = dot(w[j], x) + b[j];
    }
    return z;
  }

  /**
   * Adds the gradient of the linear layer {@code z = w x + b} of one example, given {@code dz =
   * dLoss/dz}, to the tensors {@code w} and {@code b} of {@code g}.
   */
  static void addLinearGradient(Parameters g, String w, String b, double[] dz, double[] x) {
    double[][] gw = g.matrix(w);
    double[] gb = g.vector(b);
    for (int j = 0; j < dz.length; j++) {
      gb[j] += dz[j];
      for (int i = 0; i < x.length; i++) {
        gw[j][i] += dz[j] * x[i];
      }
    }
  }

  /**
   * Max-pooling with window 2 and stride {@code stride} (1: neighbouring windows share an element,
   * 2: they do not), {@code h_k = max(z_sk, z_sk+1)}.
   */
  static double[] maxPool(double[] z, int stride) {
    double[] h = new double[(z.length - 2) / stride + 1];
    for (int k = 0; k < h.length; k++) {
      h[k] = Math.max(z[stride * k], z[stride * k + 1]);
    }
    return h;
  }

  /**
   * The backward pass of {@link #maxPool}: {@code dLoss/dz} from {@code back = dLoss/dh}, with each
   * window's gradient sent as {@code routing} says.
   */
  static double[] maxPoolBackward(double[] z, double[] back, int stride, Routing routing) {
    double[] dz = new double[z.length];
    for (int k = 0; k < back.length; k++) {
      int at = stride * k;
      dz[at] += back[k] * routing.first(z[at], z[at + 1]);
      dz[at + 1] += back[k] * routing.second(z[at], z[at + 1]);
    }
    return dz;
  }

  static Net.Activation relu() {
    return act(z -> z > 0 ? z : 0, z -> z > 0 ? 1 : 0);
  }

  static Net.Activation leaky(double valueSlope, double backwardSlope) {
    return act(z -> z > 0 ? z : valueSlope * z, z -> z > 0 ? 1 : backwardSlope);
  }

  static Net.Activation hardTanh(boolean masked) {
    return act(z -> Math.max(-1, Math.min(1, z)), z -> !masked || (z > -1 && z < 1) ? 1 : 0);
  }

  static Net.Activation abs(boolean signed) {
    return act(Math::abs, z -> signed ? Math.signum(z) : 1);
  }

  /** ELU with alpha = 1: continuous slope at 0, jumping curvature. */
  static Net.Activation elu(boolean correct) {
    return act(
        z -> z > 0 ? z : Math.expm1(z), z -> z > 0 ? 1 : (correct ? Math.exp(z) : Math.expm1(z)));
  }

  static Net.Activation tanh() {
    return act(Math::tanh, z -> 1 - Math.tanh(z) * Math.tanh(z));
  }

  static Net.Activation identity() {
    return act(z -> z, z -> 1);
  }

  static Net.Activation act(
      java.util.function.DoubleUnaryOperator value, java.util.function.DoubleUnaryOperator slope) {
    return new Net.Activation() {
      @Override
      public double value(double z) {
        return value.applyAsDouble(z);
      }

      @Override
      public double slope(double z) {
        return slope.applyAsDouble(z);
      }
    };
  }

  /** Half the squared error. */
  static Net.Head squaredError() {
    return new Net.Head() {
      @Override
      public double value(double[] o, double[] y) {
        double s = 0;
        for (int k = 0; k < o.length; k++) {
          s += 0.5 * (o[k] - y[k]) * (o[k] - y[k]);
        }
        return s;
      }

      @Override
      public void gradient(double[] o, double[] y, double[] g) {
        for (int k = 0; k < o.length; k++) {
          g[k] = o[k] - y[k];
        }
      }
    };
  }

  /** Binary hinge per output, {@code max(0, 1 - y o)} with {@code y} in {-1, +1}. */
  static Net.Head hinge(boolean withLabel) {
    return new Net.Head() {
      @Override
      public double value(double[] o, double[] y) {
        double s = 0;
        for (int k = 0; k < o.length; k++) {
          s += Math.max(0, 1 - y[k] * o[k]);
        }
        return s;
      }

      @Override
      public void gradient(double[] o, double[] y, double[] g) {
        for (int k = 0; k < o.length; k++) {
          g[k] = 1 - y[k] * o[k] > 0 ? (withLabel ? -y[k] : -1) : 0;
        }
      }
    };
  }

  /** Huber with delta = 1: quadratic inside, linear outside, curvature jumps at |r| = 1. */
  static Net.Head huber(boolean clipped) {
    return new Net.Head() {
      @Override
      public double value(double[] o, double[] y) {
        double s = 0;
        for (int k = 0; k < o.length; k++) {
          double r = Math.abs(o[k] - y[k]);
          s += r <= 1 ? 0.5 * r * r : r - 0.5;
        }
        return s;
      }

      @Override
      public void gradient(double[] o, double[] y, double[] g) {
        for (int k = 0; k < o.length; k++) {
          double r = o[k] - y[k];
          g[k] = Math.abs(r) <= 1 || !clipped ? r : Math.signum(r);
        }
      }
    };
  }

  /** Softmax cross-entropy of the outputs against (one-hot) targets. */
  static Net.Head softmaxCrossEntropy() {
    return new Net.Head() {
      @Override
      public double value(double[] o, double[] y) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : o) {
          max = Math.max(max, v);
        }
        double sum = 0;
        for (double v : o) {
          sum += Math.exp(v - max);
        }
        double logSum = max + Math.log(sum);
        double s = 0;
        for (int k = 0; k < o.length; k++) {
          s -= y[k] * (o[k] - logSum);
        }
        return s;
      }

      @Override
      public void gradient(double[] o, double[] y, double[] g) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : o) {
          max = Math.max(max, v);
        }
        double sum = 0;
        for (double v : o) {
          sum += Math.exp(v - max);
        }
        double ysum = 0;
        for (double v : y) {
          ysum += v;
        }
        for (int k = 0; k < o.length; k++) {
          g[k] = Math.exp(o[k] - max) / sum * ysum - y[k];
        }
      }
    };
  }
}
