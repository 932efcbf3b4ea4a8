package io.github.gradprop.model;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Implement {@code GradientModel} to let gradprop check your hand-written backward pass: a scalar
 * loss of named parameter tensors for a batch, and its gradient.
 *
 * <p>You <em>implement</em> this type (or build one from lambdas with {@link Models}). gradprop
 * calls {@link #loss} many times with parameters perturbed in place, so both methods must be
 * deterministic and must not modify their arguments; gradprop checks both and fails with a {@link
 * io.github.gradprop.ModelConfigurationException} that names the tensor and index if they do.
 *
 * <pre>{@code
 * class Linear implements GradientModel {
 *   public ModelSpec spec() {
 *     return ModelSpec.named("linear, squared error")
 *         .inputs("batch", "in").parameter("w", "out", "in").targets("batch", "out");
 *   }
 *   public double loss(Parameters p, Batch b) { ... 0.5 * sum((x w^T - y)^2) ... }
 *   public void gradient(Parameters p, Batch b, Parameters g) { ... g.matrix("w")[o][i] = ... }
 * }
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface GradientModel {

  /** The declared tensors and their symbolic shapes. */
  ModelSpec spec();

  /** The scalar loss for {@code params} on {@code batch}. */
  double loss(Parameters params, Batch batch);

  /**
   * Writes d loss / d params into {@code gradient}, which has the same names, shapes and layout as
   * {@code params} and arrives filled with zeros.
   */
  void gradient(Parameters params, Batch batch, Parameters gradient);

  /**
   * Whether {@link #inputGradient} is implemented; when it is, gradprop also checks the gradient
   * with respect to the inputs.
   */
  default boolean hasInputGradient() {
    return false;
  }

  /**
   * Writes d loss / d inputs into {@code gradient}, a zero tensor shaped like the inputs. Only
   * called when {@link #hasInputGradient()} is true.
   */
  default void inputGradient(Parameters params, Batch batch, Tensor gradient) {
    throw new UnsupportedOperationException("inputGradient is not implemented");
  }
}
