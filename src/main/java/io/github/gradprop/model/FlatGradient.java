package io.github.gradprop.model;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Implement {@code FlatGradient} (usually as a lambda) for the gradient over one flat weight
 * vector, as in MATLAB's {@code [f, df] = backprop(W, X, Y)}; see {@link Models#flat}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
@FunctionalInterface
public interface FlatGradient {
  /** d loss / d w, with one entry per entry of {@code w}. */
  double[] gradient(double[] w, double[][] x, double[][] y);
}
