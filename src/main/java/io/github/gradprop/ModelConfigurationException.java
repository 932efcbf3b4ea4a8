package io.github.gradprop;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Thrown when a model breaks its contract (it throws, mutates its arguments, is not deterministic,
 * or returns a gradient of the wrong size) or a case does not fit its spec. The message names the
 * model, the tensor and the index. It is a test error, never a pass.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public class ModelConfigurationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message in gradprop's report format. */
  public ModelConfigurationException(String message) {
    super(message);
  }

  /** Creates the exception with a message and the user code's exception as the cause. */
  public ModelConfigurationException(String message, Throwable cause) {
    super(message, cause);
  }
}
