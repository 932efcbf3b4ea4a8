package io.github.gradprop.examples.seed;

import io.github.gradprop.model.Case;

/**
 * A fixed, hand-picked case for the seed network: batch 3, in 2, hidden 3, out 2.
 *
 * <p>The weights are chosen so that, for every activation, no hidden or output pre-activation lies
 * within 0.1 of ReLU's kink at 0 (central differences step about 6e-6 there), and every output of
 * the {@code act}-output variants lies in (0, 1), where the cross-entropy's {@code max(., eps)}
 * floors are inactive. So every disagreement the check reports is the backward pass's fault.
 */
public final class SeedCases {

  /** The inputs {@code X}, one row per example. */
  static final double[][] X = {
    {0.5, -1.0},
    {1.0, 0.5},
    {-1.5, 0.25},
  };

  /** {@code w1}: {@code hidden x (in + 1)}, bias last. */
  static final double[][] W1 = {
    {0.8, -0.4, 0.1},
    {-0.6, 0.9, 0.3},
    {0.3, 0.5, -0.25},
  };

  /** {@code w2}: {@code out x (hidden + 1)}, bias last. */
  static final double[][] W2 = {
    {0.2, -0.15, 0.1, 0.5},
    {-0.1, 0.2, 0.15, 0.45},
  };

  /** Binary targets for squared error and cross-entropy (each output its own yes/no). */
  static final double[][] BINARY_TARGETS = {
    {1, 0},
    {0, 0},
    {1, 1},
  };

  /** One-hot targets for softmax cross-entropy. */
  static final double[][] ONE_HOT_TARGETS = {
    {1, 0},
    {0, 1},
    {1, 0},
  };

  private SeedCases() {}

  /** The fixed case for the seed network with {@code actType} and {@code errorType}. */
  public static Case fixed(Activation actType, Cost errorType) {
    return Case.builder(SeedNetwork.spec(actType, errorType))
        .inputs(copy(X))
        .parameter("w1", copy(W1))
        .parameter("w2", copy(W2))
        .targets(copy(errorType == Cost.SOFTMAX_CROSS_ENTROPY ? ONE_HOT_TARGETS : BINARY_TARGETS))
        .build();
  }

  private static double[][] copy(double[][] m) {
    double[][] c = new double[m.length][];
    for (int i = 0; i < m.length; i++) {
      c[i] = m[i].clone();
    }
    return c;
  }
}
