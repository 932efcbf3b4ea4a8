package io.github.gradprop.internal.numerics;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.github.gradprop.DifferenceScheme;
import org.apiguardian.api.API;

/**
 * One finite-difference stencil around {@code theta}, keeping the loss values at {@code theta +- h}
 * so that the one-sided differences {@code D+ = (f(theta + h) - f(theta)) / h} and {@code D- =
 * (f(theta) - f(theta - h)) / h} come for free from the base loss. Every scheme samples {@code
 * theta +- h}; the 5-point stencil also samples {@code +- 2h} and Richardson {@code +- h/2}, which
 * gives a second pair of one-sided differences at another step, again for free.
 *
 * <p>Reused across entries (mutable fields, no allocation per evaluation).
 */
@API(status = INTERNAL, since = "0.1")
public final class Stencil {

  /** The step of the inner pair. */
  public double h;

  /** {@code f(theta + h)}. */
  public double plus;

  /** {@code f(theta - h)}. */
  public double minus;

  /** The second pair's step ({@code 2h} or {@code h/2}), or 0 when the scheme has none. */
  public double outerH;

  /** {@code f(theta + outerH)}. */
  public double outerPlus;

  /** {@code f(theta - outerH)}. */
  public double outerMinus;

  /** The scheme's estimate. */
  public double estimate;

  /** Evaluates {@code scheme} around {@code theta} with step {@code h}. */
  public void evaluate(DifferenceScheme scheme, Objective f, double theta, double h) {
    this.h = h;
    switch (scheme) {
      case CENTRAL:
        central(f, theta, h);
        return;
      case FIVE_POINT:
        {
          outerH = 2 * h;
          outerPlus = f.at(theta + 2 * h);
          plus = f.at(theta + h);
          minus = f.at(theta - h);
          outerMinus = f.at(theta - 2 * h);
          estimate = ((outerMinus - outerPlus) + 8 * (plus - minus)) / (12 * h);
          return;
        }
      case RICHARDSON:
        {
          plus = f.at(theta + h);
          minus = f.at(theta - h);
          outerH = 0.5 * h;
          outerPlus = f.at(theta + outerH);
          outerMinus = f.at(theta - outerH);
          double coarse = (plus - minus) / (2 * h);
          double fine = (outerPlus - outerMinus) / (2 * outerH);
          estimate = (4 * fine - coarse) / 3;
          return;
        }
      default:
        throw new IllegalArgumentException("Unknown scheme " + scheme);
    }
  }

  /** Evaluates the central difference around {@code theta} with step {@code h}. */
  public void central(Objective f, double theta, double h) {
    this.h = h;
    plus = f.at(theta + h);
    minus = f.at(theta - h);
    outerH = 0;
    estimate = (plus - minus) / (2 * h);
  }

  /** Whether every sampled loss value is finite. */
  public boolean finite() {
    return Double.isFinite(plus)
        && Double.isFinite(minus)
        && (outerH == 0 || (Double.isFinite(outerPlus) && Double.isFinite(outerMinus)));
  }

  /** Which side was not finite first: +1 for {@code theta + h}, -1 for {@code theta - h}. */
  public int nonFiniteSide() {
    if (!Double.isFinite(plus) || (outerH != 0 && !Double.isFinite(outerPlus))) {
      return 1;
    }
    return -1;
  }

  /** The value that was not finite on {@link #nonFiniteSide()}. */
  public double nonFiniteValue() {
    if (nonFiniteSide() > 0) {
      return Double.isFinite(plus) ? outerPlus : plus;
    }
    return Double.isFinite(minus) ? outerMinus : minus;
  }
}
