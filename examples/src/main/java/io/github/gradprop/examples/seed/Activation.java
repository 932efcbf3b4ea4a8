package io.github.gradprop.examples.seed;

/**
 * The activation functions of the seed question, {@code act(z, type)} and {@code dact(z, type)},
 * used for both the hidden and the output layer.
 */
public enum Activation {
  /** {@code 1 / (1 + exp(-z))}, derivative {@code a (1 - a)}. */
  SIGMOID {
    @Override
    public double act(double z) {
      return 1 / (1 + Math.exp(-z));
    }

    @Override
    public double dact(double z) {
      double a = act(z);
      return a * (1 - a);
    }
  },
  /** {@code tanh(z)}, derivative {@code 1 - tanh(z)^2}. */
  TANH {
    @Override
    public double act(double z) {
      return Math.tanh(z);
    }

    @Override
    public double dact(double z) {
      double a = Math.tanh(z);
      return 1 - a * a;
    }
  },
  /** {@code max(z, 0)}, derivative {@code (z > 0)} as in the question (0 at the kink). */
  RELU {
    @Override
    public double act(double z) {
      return Math.max(z, 0);
    }

    @Override
    public double dact(double z) {
      return z > 0 ? 1 : 0;
    }
  };

  /** The activation of pre-activation {@code z}. */
  public abstract double act(double z);

  /** The derivative of {@link #act} at {@code z}. */
  public abstract double dact(double z);
}
