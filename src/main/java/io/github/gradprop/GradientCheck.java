package io.github.gradprop;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.github.gradprop.model.GradientModel;
import org.apiguardian.api.API;

/**
 * The parameter of a {@link GradientProperty} method: tell it which model to check with {@link
 * #that(GradientModel)}.
 *
 * <p>You only <em>call</em> this type; gradprop supplies the instance.
 *
 * <pre>{@code
 * @GradientProperty
 * void reluCrossEntropyBackprop(GradientCheck check) {
 *   check.that(SeedNetwork.model(Activation.RELU, Cost.CROSS_ENTROPY));
 * }
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class GradientCheck {

  private GradientModel model;

  /** Creates an empty check; gradprop does this for each property method. */
  @API(status = org.apiguardian.api.API.Status.INTERNAL, since = "0.1")
  public GradientCheck() {}

  /** Checks {@code model} on generated cases once the method returns. Call it exactly once. */
  public void that(GradientModel model) {
    if (model == null) {
      throw new PropertyConfigurationException(
          "GradientCheck.that(model) needs a model, but was null.");
    }
    if (this.model != null) {
      throw new PropertyConfigurationException(
          String.format(
              "GradientCheck.that(model) was called twice (`%s`, then `%s`); write one"
                  + " @GradientProperty method per model.",
              this.model.spec().name(), model.spec().name()));
    }
    this.model = model;
  }

  /** The model given to {@link #that}, or null. */
  @API(status = org.apiguardian.api.API.Status.INTERNAL, since = "0.1")
  public GradientModel model() {
    return model;
  }
}
