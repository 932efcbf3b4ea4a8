package io.github.gradprop;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** The outcome of checking one gradient entry. You only <em>read</em> this type. */
@API(status = EXPERIMENTAL, since = "0.1")
public enum Verdict {
  /** Analytic and numeric derivatives agree within the tolerance. */
  OK,
  /** They disagree by more than the tolerance: the backward pass is wrong for this entry. */
  MISMATCH,
  /** The analytic value, or the loss near this entry, is NaN or infinite. */
  NON_FINITE;

  /** Whether this verdict fails the check. */
  public boolean isFailure() {
    return this != OK;
  }
}
