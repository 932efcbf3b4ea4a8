package io.github.gradprop.model;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** Implement {@code LossFunction} (usually as a lambda) to give {@link Models#of} a loss. */
@API(status = EXPERIMENTAL, since = "0.1")
@FunctionalInterface
public interface LossFunction {
  /** The scalar loss for {@code params} on {@code batch}. */
  double loss(Parameters params, Batch batch);
}
