package io.github.gradprop.internal.numerics;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.github.gradprop.DifferenceScheme;
import org.apiguardian.api.API;

/**
 * Finite-difference derivative estimates of one entry.
 *
 * <p>The stencils are written out rather than delegated to Commons Math's {@code
 * FiniteDifferencesDifferentiator}: that class allocates a function object and derivative
 * structures per call, and the check loop must not allocate per entry. The tests compare these
 * stencils with exact derivatives from Commons Math's {@code DerivativeStructure}.
 */
@API(status = INTERNAL, since = "0.1")
public final class FiniteDifferences {

  private FiniteDifferences() {}

  /**
   * The step for entry {@code theta}: {@code c * max(1, |theta|)}, adjusted so that {@code theta +
   * h} is exactly representable and {@code (theta + h) - theta == h}.
   */
  public static double step(double theta, double c) {
    double h = c * Math.max(1.0, Math.abs(theta));
    double shifted = theta + h;
    double exact = shifted - theta;
    return exact > 0 ? exact : h;
  }

  /**
   * The step {@code c * scale}, adjusted like {@link #step(double, double)}; for steps along a
   * direction, where the scale comes from several entries.
   */
  public static double step(double theta, double c, double scale) {
    double h = c * scale;
    double shifted = theta + h;
    double exact = shifted - theta;
    return exact > 0 ? exact : h;
  }

  /** The step {@code h / factor}, again exactly representable around {@code theta}. */
  public static double refine(double theta, double h, double factor) {
    double smaller = h / factor;
    double exact = (theta + smaller) - theta;
    return exact > 0 ? exact : smaller;
  }

  /**
   * The smallest step worth trying with a central difference around {@code theta}: half of {@code
   * sqrt(eps) * scale}. Below it, rounding of the loss dominates any truncation error the smaller
   * step could remove (the optimum for a central difference is {@code eps^(1/3)}, for a one-sided
   * difference {@code sqrt(eps)}).
   */
  public static double smallestStep(double scale, double eps) {
    return 0.5 * Math.sqrt(eps) * scale;
  }

  /** The derivative estimate of {@code f} at {@code theta} with step {@code h}. */
  public static double estimate(DifferenceScheme scheme, Objective f, double theta, double h) {
    switch (scheme) {
      case CENTRAL:
        return central(f, theta, h);
      case FIVE_POINT:
        {
          double p2 = f.at(theta + 2 * h);
          double p1 = f.at(theta + h);
          double m1 = f.at(theta - h);
          double m2 = f.at(theta - 2 * h);
          return ((m2 - p2) + 8 * (p1 - m1)) / (12 * h);
        }
      case RICHARDSON:
        {
          double coarse = central(f, theta, h);
          double fine = central(f, theta, 0.5 * h);
          return (4 * fine - coarse) / 3;
        }
      default:
        throw new IllegalArgumentException("Unknown scheme " + scheme);
    }
  }

  private static double central(Objective f, double theta, double h) {
    double plus = f.at(theta + h);
    double minus = f.at(theta - h);
    return (plus - minus) / (2 * h);
  }

  /**
   * The sum of the absolute stencil weights times {@code h}: the factor by which an error {@code
   * delta} in each loss value can move the estimate, in units of {@code delta / h}.
   */
  public static double noiseGain(DifferenceScheme scheme) {
    switch (scheme) {
      case CENTRAL:
        return 1.0; // 2 * 1/(2h)
      case FIVE_POINT:
        return 1.5; // (1 + 8 + 8 + 1) / 12h
      case RICHARDSON:
        return 3.0; // 2 * 4/(3h) + 2 * 1/(6h)
      default:
        throw new IllegalArgumentException("Unknown scheme " + scheme);
    }
  }

  /** The number of loss calls per entry. */
  public static int callsPerEntry(DifferenceScheme scheme) {
    return scheme == DifferenceScheme.CENTRAL ? 2 : 4;
  }
}
