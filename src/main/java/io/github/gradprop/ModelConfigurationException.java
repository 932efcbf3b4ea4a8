package io.github.gradprop;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Thrown when a model breaks its contract (it throws, including {@code OutOfMemoryError} and {@code
 * StackOverflowError}, mutates its arguments, is not deterministic, returns a gradient of the wrong
 * size, or a call does not return within {@code callMillis}) or a case does not fit its spec. The
 * message names the model, the tensor and the index. It is a test error, never a pass.
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
