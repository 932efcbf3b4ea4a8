package io.github.gradprop.model;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Use {@code ParameterLayout} to choose how gradprop stores your model's parameters, so your code
 * reads them without copying.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum ParameterLayout {
  /**
   * Each parameter tensor on its own: rank-2 tensors as {@code double[][]} rows (also readable as a
   * Commons Math {@code RealMatrix}), others as {@code double[]}. The default.
   */
  MATRICES,
  /**
   * All parameters concatenated, in declaration order and row-major within each tensor, in one
   * {@code double[]}, like the {@code W} of a MATLAB {@code backprop(W, X, Y)}.
   */
  FLAT
}
