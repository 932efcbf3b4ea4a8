package io.github.gradprop;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Use {@code KinkPolicy} to choose what a gradient check does where the loss is not differentiable:
 * at a ReLU input of exactly 0, a tie in a max or max-pool, {@code |x|} at 0, the corner of a hinge
 * or clamp. Set it with {@link CheckOptions#withKinkPolicy}.
 *
 * <pre>{@code
 * // default: kinks pass, a mismatch fails only if it persists at a nearby generic point
 * Gradients.assertCorrect(model, aCase);
 *
 * // never check at kinks: a case with kinks is rejected (a property draws another one)
 * Gradients.check(model, aCase, CheckOptions.defaults().withKinkPolicy(KinkPolicy.AVOID));
 *
 * // hunt disagreements at kinks on purpose; correct code can fail this
 * Gradients.assertCorrect(model, aCase, CheckOptions.defaults().withKinkPolicy(KinkPolicy.STRICT));
 * }</pre>
 *
 * <p>You only <em>use</em> this type. See {@code docs/kinks.md}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum KinkPolicy {
  /**
   * The default. Entries at kinks pass and are counted; a mismatch, and an analytic value at a kink
   * outside every one-sided estimate, are re-checked at a nearby generic point (weights and inputs
   * moved by about {@code 1e-3} relative, deterministically) and fail only if they persist there;
   * ties are checked along the direction that keeps them tied. Correct code never fails.
   */
  CONFIRM("default", "a mismatch fails only if it persists at a nearby generic point"),
  /**
   * Rejects a case that hits kinks (or whose estimates stay unresolved): the result is {@link
   * GradientCheckResult#rejected() rejected}, and {@link Gradients#assertCorrect} throws a {@link
   * RejectedCaseException}. A property draws another case instead.
   */
  AVOID("AVOID", "cases with kinks are rejected"),
  /**
   * Reports every disagreement with the finite-difference estimate without confirming it, and
   * entries at kinks whose analytic value is not the scheme's estimate as {@link
   * Verdict#MISMATCH_AT_KINK}; a loss that is not finite within one step fails too. Correct code
   * can fail this policy, for example a ReLU whose input is exactly 0; the report says so.
   */
  STRICT("STRICT", "disagreements at kinks fail without confirmation; correct code can fail this");

  private final String label;
  private final String description;

  KinkPolicy(String label, String description) {
    this.label = label;
    this.description = description;
  }

  /** How reports describe this policy, e.g. {@code default (a mismatch fails only if ...)}. */
  public String description() {
    return label + " (" + description + ")";
  }
}
