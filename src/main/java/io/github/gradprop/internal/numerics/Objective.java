package io.github.gradprop.internal.numerics;

/**
 * The loss as a function of one parameter entry, all others held fixed. Implementations are reused
 * across entries so the check loop allocates nothing per entry.
 */
@FunctionalInterface
public interface Objective {
  /** The loss with the current entry set to {@code value}. */
  double at(double value);
}
