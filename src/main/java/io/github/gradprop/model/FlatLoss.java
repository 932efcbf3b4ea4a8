package io.github.gradprop.model;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Implement {@code FlatLoss} (usually as a lambda) for a loss over one flat weight vector, as in
 * MATLAB's {@code f = backprop(W, X, Y)}; see {@link Models#flat}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
@FunctionalInterface
public interface FlatLoss {
  /** The scalar loss for weights {@code w}, inputs {@code x} (rows) and targets {@code y}. */
  double loss(double[] w, double[][] x, double[][] y);
}
