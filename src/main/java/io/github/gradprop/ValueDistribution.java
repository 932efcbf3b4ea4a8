package io.github.gradprop;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Use {@code ValueDistribution} to choose how {@link GradientProperty} draws weights and inputs.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum ValueDistribution {
  /** Uniform on {@code [-scale, scale]}. The default. */
  UNIFORM,
  /**
   * Normal with standard deviation {@code scale / sqrt(fan-in)} for parameters, where fan-in is the
   * length of a tensor's last axis (Xavier/LeCun style); inputs are normal with sd {@code scale}.
   */
  NORMAL_FAN_IN,
  /**
   * Biased toward kinks: about a third of the values are {@code {0, +-1, +-0.5, 2} * scale}, a
   * fifth copy an earlier entry of the same tensor (with either sign, so ties and cancellations are
   * common), the rest uniform on {@code [-scale, scale]}. Use it for models with ReLU, max, abs,
   * hinge or clipping when you want most tries to sit on or next to a kink; the default already
   * mixes such tries in, this makes them the rule.
   */
  KINK_BIASED,
  /**
   * Every value in {@code {-1, 0, 1} * scale}: many exact zeros, coincident kinks and ties. Use it
   * to exercise tie-breaking (max, maxout, pooling, sorting, median) and masks; pair it with a
   * correct twin, since correct code at such points often sits exactly on kinks that gradprop then
   * has to tell from bugs.
   */
  GRID
}
