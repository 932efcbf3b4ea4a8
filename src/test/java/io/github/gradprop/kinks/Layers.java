package io.github.gradprop.kinks;

/** Activations, output losses and small helpers shared by the kink fixtures. */
final class Layers {

  private Layers() {}

  static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
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
