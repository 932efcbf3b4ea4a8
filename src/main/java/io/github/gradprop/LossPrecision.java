package io.github.gradprop;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Use {@code LossPrecision} to tell gradprop in what precision your loss is computed, so that the
 * default step and the rounding allowance fit it.
 *
 * <p>The model interface passes {@code double}s, but a forward pass written with {@code float}
 * arrays rounds its loss to about 1e-7 relative; at the float64 step (6e-6) that rounding alone
 * moves a central difference by about 0.02 and every entry would look wrong. With {@link #FLOAT}
 * the step becomes {@code eps_float^(1/3) ~ 4.9e-3} for central differences and the rounding
 * allowance uses {@code eps_float}.
 *
 * <pre>{@code
 * Gradients.assertCorrect(floatModel, aCase,
 *     CheckOptions.defaults().withLossPrecision(LossPrecision.FLOAT));   // passes when correct
 * Gradients.assertCorrect(floatModel, aCase);   // float rounding reads as mismatches
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum LossPrecision {
  /** The loss is computed in {@code double}: machine epsilon {@code 2^-52}. The default. */
  DOUBLE(Math.ulp(1.0)),
  /** The loss is computed (at least partly) in {@code float}: machine epsilon {@code 2^-23}. */
  FLOAT(Math.ulp(1.0f));

  private final double epsilon;

  LossPrecision(double epsilon) {
    this.epsilon = epsilon;
  }

  /** The machine epsilon of this precision. */
  public double epsilon() {
    return epsilon;
  }
}
