package io.github.gradprop.internal.numerics;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * One immutable look at the loss around an entry at one step: the scheme's (or, when refining, the
 * central) estimate and the one-sided slopes {@code D+ = (f(theta + h) - f(theta)) / h} and {@code
 * D- = (f(theta) - f(theta - h)) / h}.
 *
 * @param step the step {@code h}
 * @param estimate the finite-difference estimate at that step
 * @param slopeMinus {@code D-}
 * @param slopePlus {@code D+}
 */
@API(status = INTERNAL, since = "0.1")
public record Sample(double step, double estimate, double slopeMinus, double slopePlus) {

  /** The sample a just-evaluated {@code stencil} gives around a point whose loss is {@code f0}. */
  public static Sample of(Stencil stencil, double f0) {
    double h = stencil.h;
    return new Sample(h, stencil.estimate, (f0 - stencil.minus) / h, (stencil.plus - f0) / h);
  }

  /** {@code |D+ - D-|}: {@code h |f''|} at a smooth point, the jump of the derivative at a kink. */
  public double gap() {
    return Math.abs(slopePlus - slopeMinus);
  }

  /** The smallest of the estimate and the two slopes. */
  public double low() {
    return Math.min(estimate, Math.min(slopeMinus, slopePlus));
  }

  /** The largest of the estimate and the two slopes. */
  public double high() {
    return Math.max(estimate, Math.max(slopeMinus, slopePlus));
  }
}
