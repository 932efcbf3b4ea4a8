package io.github.gradprop;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.github.gradprop.model.GradientModel;
import org.apiguardian.api.API;

/**
 * The parameter of a {@link GradientProperty} method: tell it which model to check with {@link
 * #that(GradientModel)}.
 *
 * <p>You only <em>call</em> this type; gradprop supplies the instance (do not implement it).
 *
 * <pre>{@code
 * @GradientProperty
 * void reluCrossEntropyBackprop(GradientCheck check) {
 *   check.that(SeedNetwork.model(Activation.RELU, Cost.CROSS_ENTROPY));
 * }
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface GradientCheck {

  /**
   * Checks {@code model} on generated cases once the method returns. Call it exactly once; a second
   * call, or a null model, fails the test with a {@link PropertyConfigurationException}.
   */
  void that(GradientModel model);
}
