package io.github.gradprop;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Thrown by {@link Gradients#assertCorrect} when the check gave no verdict, so the test must not
 * pass: {@link KinkPolicy#AVOID} rejected the given case because it hits kinks, or no entry could
 * be compared at all ({@link GradientCheckResult#inconclusive()}: every entry at a kink or
 * unresolved). The message is the report; {@link #result()} carries the same data. Give a case away
 * from kinks, or use the default {@link KinkPolicy#CONFIRM}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public class RejectedCaseException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient GradientCheckResult result;

  /** Creates the exception for a rejected check, with the report as its message. */
  public RejectedCaseException(String message, GradientCheckResult result) {
    super(message);
    this.result = result;
  }

  /** The rejected check's result. */
  public GradientCheckResult result() {
    return result;
  }
}
