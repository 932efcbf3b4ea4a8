package io.github.gradprop;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * The outcome of checking one gradient entry (or, for {@link #KINK_MISMATCH}, one direction through
 * several entries). You only <em>read</em> this type; {@link #isFailure()} says which outcomes fail
 * a check. See {@code docs/kinks.md} for how gradprop tells kinks apart from wrong gradients.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum Verdict {
  /** Analytic and numeric derivatives agree within the tolerance. */
  OK,
  /**
   * They disagree by more than the tolerance at a point where the loss is smooth along the entry:
   * the backward pass is wrong for this entry. Under the default {@link KinkPolicy#CONFIRM} the
   * disagreement has also been seen at a nearby generic point, so it is not a kink artifact.
   */
  MISMATCH,
  /** The analytic value, or the loss at or near this entry, is NaN or infinite. */
  NON_FINITE,
  /**
   * The loss has a kink along this entry: its one-sided derivatives differ, and keep differing as
   * the step shrinks, so there is no single derivative to compare with. Not a failure: any value
   * the backward pass returns here can be a valid convention (such as {@code relu'(0) = 0}).
   */
  KINK,
  /**
   * Estimates at successive steps keep disagreeing down to the smallest step that rounding allows,
   * as where the curvature jumps inside the stencil (Huber at {@code |r| = 1}); no verdict is
   * possible. Not a failure.
   */
  UNRESOLVED,
  /**
   * The entry disagreed at the given point, which has kinks, but agreed at a nearby generic point:
   * an artifact of coincident kinks or ties, not a wrong gradient. Not a failure.
   */
  KINK_ARTIFACT,
  /**
   * Along the direction that moves several entries at a kink (a tie) together, the loss is smooth,
   * but the analytic gradient's projection on that direction disagrees with the directional
   * derivative, here and a little further along the tie: a real bug that only shows at ties, such
   * as a max or max-pool that passes the gradient to every tied input.
   */
  KINK_MISMATCH,
  /**
   * Only under {@link KinkPolicy#STRICT}: at a kink, the analytic value differs from the scheme's
   * estimate (for a central difference, the mean of the one-sided derivatives). Correct code fails
   * this too, for example a ReLU whose input is exactly 0.
   */
  MISMATCH_AT_KINK;

  /**
   * Whether this verdict fails the check: {@link #MISMATCH}, {@link #NON_FINITE}, {@link
   * #KINK_MISMATCH} and {@link #MISMATCH_AT_KINK} do; {@link #OK}, {@link #KINK}, {@link
   * #UNRESOLVED} and {@link #KINK_ARTIFACT} do not.
   */
  public boolean isFailure() {
    return this == MISMATCH
        || this == NON_FINITE
        || this == KINK_MISMATCH
        || this == MISMATCH_AT_KINK;
  }
}
