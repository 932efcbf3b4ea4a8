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
  NORMAL_FAN_IN
}
