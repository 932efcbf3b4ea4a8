package io.github.gradprop.internal.numerics;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * The loss as a function of one parameter entry, all others held fixed. Implementations are reused
 * across entries so the check loop allocates nothing per entry.
 */
@FunctionalInterface
@API(status = INTERNAL, since = "0.1")
public interface Objective {
  /** The loss with the current entry set to {@code value}. */
  double at(double value);
}
