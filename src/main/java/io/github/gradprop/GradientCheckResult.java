package io.github.gradprop;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The outcome of checking every gradient entry of one model on one case. You only <em>read</em>
 * this type (gradprop implements it; do not implement it yourself): {@link Gradients#check} returns
 * it and {@link GradientMismatchError#result()} carries it.
 *
 * <p>Besides the failures, it says what the check found at kinks (see {@link KinkPolicy} and {@code
 * docs/kinks.md}): how many entries sit at kinks, how many mismatches turned out to be kink
 * artifacts, whether the case was {@link #rejected() rejected}. A property that avoids kinks draws
 * another case when {@code rejected()} (or, for statistics, counts {@link #hasKinks()}):
 *
 * <pre>{@code
 * GradientCheckResult r = Gradients.check(model, aCase);
 * r.passed();         // true for a correct ReLU model, even at exact zeros
 * r.kinkCount();      // e.g. 2: entries whose one-sided derivatives differ
 * r.report();         // "... kinks : 2 entries at kinks (passed under the default policy)"
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface GradientCheckResult {

  /**
   * Whether the check passed: no entry fails and the case was not {@link #rejected() rejected}.
   * Entries at kinks and unresolved entries do not fail.
   */
  boolean passed();

  /**
   * Whether no entry could be compared: every entry sits at a kink, is unresolved, or was a kink
   * artifact, and none fails. {@link #passed()} is still true (entries at kinks pass), but the
   * check has given no verdict: {@link Gradients#assertCorrect} throws a {@link
   * RejectedCaseException}, and a property draws another case.
   */
  boolean inconclusive();

  /**
   * Whether {@link KinkPolicy#AVOID} rejected the case because it hits kinks (or unresolved
   * entries, or a mismatch that turned out to be a kink artifact). A rejected check neither passes
   * nor fails; a property draws another case, and {@link Gradients#assertCorrect} throws a {@link
   * RejectedCaseException}.
   */
  boolean rejected();

  /** The kink policy the check ran with. */
  KinkPolicy kinkPolicy();

  /**
   * How many entries sit at a kink: their one-sided derivatives differ, and keep differing as the
   * step shrinks. Counted whether or not they fail (they fail only under {@link
   * KinkPolicy#STRICT}); an entry at a kink whose analytic value lay outside both one-sided
   * derivatives and agreed at a nearby generic point counts as a {@link #kinkArtifactCount() kink
   * artifact} instead.
   */
  int kinkCount();

  /**
   * How many mismatches (or analytic values outside every one-sided estimate) did not persist at a
   * nearby generic point: artifacts of coincident kinks or ties, not wrong gradients.
   */
  int kinkArtifactCount();

  /** How many entries got no verdict because estimates at successive steps kept disagreeing. */
  int unresolvedCount();

  /**
   * How many entries needed steps smaller than the scheme's to get a verdict: a kink or a jump in
   * the curvature within one step, a loss that is not finite one step away, or a mismatch that had
   * to be told apart from truncation error. A statistic: it costs two loss calls per smaller step.
   */
  int refinedCount();

  /** Whether the case hits kinks: {@code kinkCount() + kinkArtifactCount() > 0}. */
  boolean hasKinks();

  /**
   * The entries that neither agree nor fail: verdicts {@link Verdict#KINK}, {@link
   * Verdict#KINK_ARTIFACT} and {@link Verdict#UNRESOLVED}, in checking order.
   */
  List<EntryCheck> nonSmoothEntries();

  /**
   * For each {@link Verdict#MISMATCH} in {@link #failures()}, in the same order, the same entry
   * checked at the nearby generic point where the mismatch persisted. Empty unless the policy is
   * {@link KinkPolicy#CONFIRM} and some entry mismatched.
   */
  List<EntryCheck> confirmations();

  /** Whether the reported mismatches were confirmed at a nearby generic point. */
  boolean confirmed();

  /**
   * The entries moved together for a {@link Verdict#KINK_MISMATCH} failure (whose own tensor and
   * index are the first of them), as text such as {@code w1[0, 1]}; empty for any other entry.
   */
  List<String> tiedEntries(EntryCheck failure);

  /**
   * Facts about non-smoothness the user should know about, even when the check passes: steep
   * one-sided slopes (a clipped log), a loss that is not finite within one step, kinks under {@link
   * KinkPolicy#STRICT}. Keys and values as the report prints them.
   */
  Map<String, String> notes();

  /** The failing entries, worst first (non-finite, then by relative error). */
  List<EntryCheck> failures();

  /** The model's name. */
  String modelName();

  /** The dimensions of the checked case. */
  Map<String, Integer> dims();

  /** The options the check ran with. */
  CheckOptions options();

  /** The loss at the checked point. */
  double loss();

  /** The largest rounding allowance added to any entry's tolerance. */
  double maxRounding();

  /** The names of the checked tensors, in order. */
  List<String> tensors();

  /** The number of entries checked over all tensors. */
  int checkedEntries();

  /** The number of entries of tensor {@code name}. */
  int entries(String tensor);

  /** A copy of the analytic gradient of {@code tensor}, row-major. */
  double[] analytic(String tensor);

  /** A copy of the numeric gradient of {@code tensor}, row-major. */
  double[] numeric(String tensor);

  /**
   * The largest relative error among the smooth entries that agree by more than {@code atol} (an
   * entry within {@code atol} passes on the absolute tolerance, and its relative error says nothing
   * about accuracy).
   */
  double largestAgreeingRelativeError();

  /** How many times the check called the model's loss. */
  long lossCalls();

  /** The report users read: summary, facts and the worst-first table; a pass line if none fail. */
  String report();
}
