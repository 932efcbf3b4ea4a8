package io.github.gradprop.internal.check;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.github.gradprop.DifferenceScheme;
import io.github.gradprop.model.ModelSpec;
import io.github.gradprop.model.TensorSpec;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * What one check costs, computed from the spec and the dimensions alone (nothing is allocated): the
 * entries checked and the loss calls of the first look at each (the stencil's points), plus the two
 * calls of the contract. Entries that need a closer look, and the confirmation of suspects, add
 * calls on top; this is the cost of a check that agrees everywhere.
 *
 * @param parameters parameter entries
 * @param inputs input entries checked (0 when the model has no input gradient)
 * @param lossCalls estimated loss calls
 */
@API(status = INTERNAL, since = "0.1")
public record CheckCost(long parameters, long inputs, long lossCalls) {

  /** The loss calls of the contract checks: the loss at the point, twice. */
  static final int CONTRACT_CALLS = 2;

  /**
   * The cost of checking a model with {@code spec} at {@code dims}, or {@code null} when the spec
   * has no valid shapes there (the check itself reports that).
   */
  public static CheckCost of(
      ModelSpec spec, Map<String, Integer> dims, boolean inputGradient, DifferenceScheme scheme) {
    try {
      long p = 0;
      for (TensorSpec t : spec.parameters()) {
        p += size(t.shape(dims));
      }
      long x = inputGradient ? size(spec.inputs().shape(dims)) : 0;
      return new CheckCost(p, x, (p + x) * pointsPerEntry(scheme) + CONTRACT_CALLS);
    } catch (IllegalArgumentException | NullPointerException e) {
      return null;
    }
  }

  /**
   * This cost for the directional check instead: the loss at the point and six calls for each of
   * the {@link DirectionalChecker#DIRECTIONS} directions compared, whatever the number of entries.
   * Directions with a kink inside their stencil, and the localization of a disagreeing direction,
   * add calls on top.
   */
  public CheckCost alongDirections() {
    return new CheckCost(
        parameters, inputs, 1 + DirectionalChecker.POINTS * (long) DirectionalChecker.DIRECTIONS);
  }

  /** Loss calls of one stencil evaluation. */
  public static int pointsPerEntry(DifferenceScheme scheme) {
    return scheme == DifferenceScheme.CENTRAL ? 2 : 4;
  }

  private static long size(int[] shape) {
    long n = 1;
    for (int d : shape) {
      n *= d;
    }
    return n;
  }
}
