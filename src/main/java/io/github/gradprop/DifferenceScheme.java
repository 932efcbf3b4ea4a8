package io.github.gradprop;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Use {@code DifferenceScheme} to choose how gradprop estimates each derivative numerically.
 *
 * <p>Each scheme comes with a default relative step {@code c}, taken from the classic error
 * analysis (truncation error of order {@code h^p} against rounding error of order {@code eps / h},
 * balanced at {@code h ~ eps^(1/(p+1))}). The step for an entry {@code theta} is {@code c * max(1,
 * |theta|)}, rounded so that {@code theta + h} is exactly representable.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum DifferenceScheme {
  /**
   * {@code (f(theta + h) - f(theta - h)) / 2h}: two loss calls per entry, error {@code O(h^2)}.
   * Default step {@code eps^(1/3) ~ 6.1e-6}.
   */
  CENTRAL("central difference", Math.cbrt(Math.ulp(1.0))),
  /**
   * The 5-point stencil {@code (-f(+2h) + 8 f(+h) - 8 f(-h) + f(-2h)) / 12h}: four loss calls per
   * entry, error {@code O(h^4)}. Default step {@code eps^(1/5) ~ 7.4e-4}.
   */
  FIVE_POINT("5-point stencil", Math.pow(Math.ulp(1.0), 0.2)),
  /**
   * Richardson extrapolation of central differences at {@code h} and {@code h/2}: {@code (4 D(h/2)
   * - D(h)) / 3}, four loss calls per entry, error {@code O(h^4)}. Default step {@code eps^(1/5)}.
   */
  RICHARDSON("Richardson extrapolation of central differences", Math.pow(Math.ulp(1.0), 0.2));

  private final String description;
  private final double defaultStep;

  DifferenceScheme(String description, double defaultStep) {
    this.description = description;
    this.defaultStep = defaultStep;
  }

  /** How reports name this scheme, e.g. {@code central difference}. */
  public String description() {
    return description;
  }

  /** The default relative step {@code c} for this scheme, for a loss computed in double. */
  public double defaultStep() {
    return defaultStep;
  }

  /**
   * The default relative step {@code c} for this scheme and a loss computed in {@code precision}:
   * {@code eps^(1/3)} for central differences, {@code eps^(1/5)} for the fourth-order schemes.
   */
  public double defaultStep(LossPrecision precision) {
    double eps = precision.epsilon();
    return this == CENTRAL ? Math.cbrt(eps) : Math.pow(eps, 0.2);
  }
}
