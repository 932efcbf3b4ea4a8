package io.github.gradprop.model;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Implement {@code GradientFunction} (usually as a lambda) to give {@link Models#of} a backward.
 */
@API(status = EXPERIMENTAL, since = "0.1")
@FunctionalInterface
public interface GradientFunction {
  /** Writes d loss / d params into {@code gradient}, which arrives filled with zeros. */
  void gradient(Parameters params, Batch batch, Parameters gradient);
}
