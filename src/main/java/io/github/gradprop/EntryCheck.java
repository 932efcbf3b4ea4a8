package io.github.gradprop;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Arrays;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The check of one gradient entry: where it is, both derivatives, and the verdict. You only
 * <em>read</em> this type.
 *
 * @param tensor the tensor's name, e.g. {@code w1}
 * @param index the entry's multi-index within the tensor
 * @param flatIndex the entry's row-major index within the tensor (for {@link
 *     Verdict#KINK_MISMATCH}, of the first tied entry; see {@link GradientCheckResult#tiedEntries})
 * @param analytic the derivative the model's backward pass returned; for {@link
 *     Verdict#KINK_MISMATCH}, its projection on the tie direction (the sum over the tied entries)
 * @param numeric the finite-difference estimate; for {@link Verdict#KINK_MISMATCH}, the directional
 *     derivative along the tie
 * @param relativeError {@code |a - n| / max(|a|, |n|)}, 0 when both are 0, NaN when not finite
 * @param tolerance the largest {@code |a - n|} accepted for this entry
 * @param verdict the outcome
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record EntryCheck(
    String tensor,
    int[] index,
    int flatIndex,
    double analytic,
    double numeric,
    double relativeError,
    double tolerance,
    Verdict verdict) {

  /** Copies {@code index}, so the entry cannot change after it is made. */
  public EntryCheck {
    index = index.clone();
  }

  /** A copy of the entry's multi-index within the tensor. */
  @Override
  public int[] index() {
    return index.clone();
  }

  /** The entry's position as text, e.g. {@code [0, 1]}. */
  public String indexText() {
    return Arrays.toString(index);
  }

  /** {@code |analytic - numeric|}. */
  public double absoluteError() {
    return Math.abs(analytic - numeric);
  }

  @Override
  public String toString() {
    return String.format(
        "%s%s analytic=%s numeric=%s rel-error=%.1e %s",
        tensor, indexText(), analytic, numeric, relativeError, verdict);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EntryCheck e
        && e.tensor.equals(tensor)
        && Arrays.equals(e.index, index)
        && e.flatIndex == flatIndex
        && Double.compare(e.analytic, analytic) == 0
        && Double.compare(e.numeric, numeric) == 0
        && Double.compare(e.relativeError, relativeError) == 0
        && Double.compare(e.tolerance, tolerance) == 0
        && e.verdict == verdict;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        tensor,
        Arrays.hashCode(index),
        flatIndex,
        analytic,
        numeric,
        relativeError,
        tolerance,
        verdict);
  }
}
