package io.github.gradprop;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import org.opentest4j.AssertionFailedError;

/**
 * Thrown when a model's analytic gradient disagrees with finite differences. The message is the
 * full report (summary, facts, worst-first table); {@link #result()} carries the same data.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public class GradientMismatchError extends AssertionFailedError {
  private static final long serialVersionUID = 1L;

  private final transient GradientCheckResult result;

  /** Creates the error for a failed check, with a report as its message. */
  public GradientMismatchError(String message, GradientCheckResult result) {
    super(message);
    this.result = result;
  }

  /** The failed check's result. */
  public GradientCheckResult result() {
    return result;
  }
}
