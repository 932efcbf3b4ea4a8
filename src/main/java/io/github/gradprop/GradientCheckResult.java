package io.github.gradprop;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.github.gradprop.internal.report.MismatchReport;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The outcome of checking every gradient entry of one model on one case. You only <em>read</em>
 * this type; {@link Gradients#check} returns it and {@link GradientMismatchError#result()} carries
 * it.
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
public final class GradientCheckResult {

  private final String modelName;
  private final Map<String, Integer> dims;
  private final CheckOptions options;
  private final double loss;
  private final double maxRounding;
  private final Map<String, double[]> analytic;
  private final Map<String, double[]> numeric;
  private final List<EntryCheck> failures;
  private final double largestAgreeingRelativeError;
  private final long lossCalls;
  private final KinkFindings kinks;

  /** Creates a result without kink findings; gradprop's engine does this, users normally do not. */
  public GradientCheckResult(
      String modelName,
      Map<String, Integer> dims,
      CheckOptions options,
      double loss,
      double maxRounding,
      Map<String, double[]> analytic,
      Map<String, double[]> numeric,
      List<EntryCheck> failuresWorstFirst,
      double largestAgreeingRelativeError,
      long lossCalls) {
    this(
        modelName,
        dims,
        options,
        loss,
        maxRounding,
        analytic,
        numeric,
        failuresWorstFirst,
        largestAgreeingRelativeError,
        lossCalls,
        KinkFindings.none());
  }

  /** Creates a result; gradprop's engine does this, users normally do not. */
  public GradientCheckResult(
      String modelName,
      Map<String, Integer> dims,
      CheckOptions options,
      double loss,
      double maxRounding,
      Map<String, double[]> analytic,
      Map<String, double[]> numeric,
      List<EntryCheck> failuresWorstFirst,
      double largestAgreeingRelativeError,
      long lossCalls,
      KinkFindings kinks) {
    this.modelName = modelName;
    this.dims = Collections.unmodifiableMap(new LinkedHashMap<>(dims));
    this.options = options;
    this.loss = loss;
    this.maxRounding = maxRounding;
    this.analytic = Collections.unmodifiableMap(new LinkedHashMap<>(analytic));
    this.numeric = Collections.unmodifiableMap(new LinkedHashMap<>(numeric));
    this.failures = List.copyOf(failuresWorstFirst);
    this.largestAgreeingRelativeError = largestAgreeingRelativeError;
    this.lossCalls = lossCalls;
    this.kinks = kinks == null ? KinkFindings.none() : kinks;
  }

  /**
   * Whether the check passed: no entry fails and the case was not {@link #rejected() rejected}.
   * Entries at kinks and unresolved entries do not fail.
   */
  public boolean passed() {
    return failures.isEmpty() && !kinks.rejected();
  }

  /**
   * Whether no entry could be compared: every entry sits at a kink, is unresolved, or was a kink
   * artifact, and none fails. {@link #passed()} is still true (entries at kinks pass), but the
   * check has given no verdict: {@link Gradients#assertCorrect} throws a {@link
   * RejectedCaseException}, and a property draws another case.
   */
  public boolean inconclusive() {
    return failures.isEmpty()
        && !kinks.rejected()
        && checkedEntries() > 0
        && kinks.nonSmoothEntries().size() >= checkedEntries();
  }

  /**
   * Whether {@link KinkPolicy#AVOID} rejected the case because it hits kinks (or unresolved
   * entries, or a mismatch that turned out to be a kink artifact). A rejected check neither passes
   * nor fails; a property draws another case, and {@link Gradients#assertCorrect} throws a {@link
   * RejectedCaseException}.
   */
  public boolean rejected() {
    return kinks.rejected();
  }

  /** The kink policy the check ran with. */
  public KinkPolicy kinkPolicy() {
    return options.kinkPolicy();
  }

  /**
   * How many entries sit at a kink: their one-sided derivatives differ, and keep differing as the
   * step shrinks. Counted whether or not they fail (they fail only under {@link
   * KinkPolicy#STRICT}); an entry at a kink whose analytic value lay outside both one-sided
   * derivatives and agreed at a nearby generic point counts as a {@link #kinkArtifactCount() kink
   * artifact} instead.
   */
  public int kinkCount() {
    return kinks.kinkCount();
  }

  /**
   * How many mismatches (or analytic values outside every one-sided estimate) did not persist at a
   * nearby generic point: artifacts of coincident kinks or ties, not wrong gradients.
   */
  public int kinkArtifactCount() {
    return kinks.kinkArtifactCount();
  }

  /** How many entries got no verdict because estimates at successive steps kept disagreeing. */
  public int unresolvedCount() {
    return kinks.unresolvedCount();
  }

  /**
   * How many entries needed steps smaller than the scheme's to get a verdict: a kink or a jump in
   * the curvature within one step, a loss that is not finite one step away, or a mismatch that had
   * to be told apart from truncation error. A statistic: it costs two loss calls per smaller step.
   */
  public int refinedCount() {
    return kinks.refinedCount();
  }

  /** Whether the case hits kinks: {@code kinkCount() + kinkArtifactCount() > 0}. */
  public boolean hasKinks() {
    return kinks.kinkCount() + kinks.kinkArtifactCount() > 0;
  }

  /**
   * The entries that neither agree nor fail: verdicts {@link Verdict#KINK}, {@link
   * Verdict#KINK_ARTIFACT} and {@link Verdict#UNRESOLVED}, in checking order.
   */
  public List<EntryCheck> nonSmoothEntries() {
    return kinks.nonSmoothEntries();
  }

  /**
   * For each {@link Verdict#MISMATCH} in {@link #failures()}, in the same order, the same entry
   * checked at the nearby generic point where the mismatch persisted. Empty unless the policy is
   * {@link KinkPolicy#CONFIRM} and some entry mismatched.
   */
  public List<EntryCheck> confirmations() {
    return kinks.confirmations();
  }

  /** Whether the reported mismatches were confirmed at a nearby generic point. */
  public boolean confirmed() {
    return !kinks.confirmations().isEmpty();
  }

  /**
   * The entries moved together for a {@link Verdict#KINK_MISMATCH} failure (whose own tensor and
   * index are the first of them), as text such as {@code w1[0, 1]}; empty for any other entry.
   */
  public List<String> tiedEntries(EntryCheck failure) {
    List<String> tied = kinks.ties().get(failure);
    return tied == null ? List.of() : tied;
  }

  /**
   * Facts about non-smoothness the user should know about, even when the check passes: steep
   * one-sided slopes (a clipped log), a loss that is not finite within one step, kinks under {@link
   * KinkPolicy#STRICT}. Keys and values as the report prints them.
   */
  public Map<String, String> notes() {
    return kinks.notes();
  }

  /** The failing entries, worst first (non-finite, then by relative error). */
  public List<EntryCheck> failures() {
    return failures;
  }

  /** The model's name. */
  public String modelName() {
    return modelName;
  }

  /** The dimensions of the checked case. */
  public Map<String, Integer> dims() {
    return dims;
  }

  /** The options the check ran with. */
  public CheckOptions options() {
    return options;
  }

  /** The loss at the checked point. */
  public double loss() {
    return loss;
  }

  /** The largest rounding allowance added to any entry's tolerance. */
  public double maxRounding() {
    return maxRounding;
  }

  /** The names of the checked tensors, in order. */
  public List<String> tensors() {
    return List.copyOf(analytic.keySet());
  }

  /** The number of entries checked over all tensors. */
  public int checkedEntries() {
    int n = 0;
    for (double[] a : analytic.values()) {
      n += a.length;
    }
    return n;
  }

  /** The number of entries of tensor {@code name}. */
  public int entries(String tensor) {
    return analyticOf(tensor).length;
  }

  /** A copy of the analytic gradient of {@code tensor}, row-major. */
  public double[] analytic(String tensor) {
    return analyticOf(tensor).clone();
  }

  /** A copy of the numeric gradient of {@code tensor}, row-major. */
  public double[] numeric(String tensor) {
    double[] n = numeric.get(tensor);
    if (n == null) {
      throw new IllegalArgumentException("No tensor `" + tensor + "`; checked: " + tensors());
    }
    return n.clone();
  }

  /**
   * The largest relative error among the smooth entries that agree by more than {@code atol} (an
   * entry within {@code atol} passes on the absolute tolerance, and its relative error says nothing
   * about accuracy).
   */
  public double largestAgreeingRelativeError() {
    return largestAgreeingRelativeError;
  }

  /** How many times the check called the model's loss. */
  public long lossCalls() {
    return lossCalls;
  }

  /** The report users read: summary, facts and the worst-first table; a pass line if none fail. */
  public String report() {
    return MismatchReport.format(this);
  }

  private double[] analyticOf(String tensor) {
    double[] a = analytic.get(tensor);
    if (a == null) {
      throw new IllegalArgumentException("No tensor `" + tensor + "`; checked: " + tensors());
    }
    return a;
  }

  @Override
  public String toString() {
    return passed() ? report() : failures.size() + " failing entries of " + modelName;
  }

  /**
   * What a check found at kinks, carried by {@link GradientCheckResult}. gradprop's engine creates
   * it; you only read it through the result's accessors.
   *
   * @param kinkCount entries at kinks
   * @param kinkArtifactCount mismatches that did not persist at a nearby generic point
   * @param unresolvedCount entries without a verdict
   * @param refinedCount entries whose verdict needed steps smaller than the scheme's
   * @param nonSmoothEntries the non-failing entries with verdicts KINK, KINK_ARTIFACT, UNRESOLVED
   * @param confirmations each confirmed mismatch as checked at the generic point
   * @param ties the tied entries behind each KINK_MISMATCH failure
   * @param notes facts for the report, in order
   * @param rejected whether {@link KinkPolicy#AVOID} rejected the case
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  public record KinkFindings(
      int kinkCount,
      int kinkArtifactCount,
      int unresolvedCount,
      int refinedCount,
      List<EntryCheck> nonSmoothEntries,
      List<EntryCheck> confirmations,
      Map<EntryCheck, List<String>> ties,
      Map<String, String> notes,
      boolean rejected) {

    /** Copies every collection. */
    public KinkFindings {
      nonSmoothEntries = List.copyOf(nonSmoothEntries);
      confirmations = List.copyOf(confirmations);
      Map<EntryCheck, List<String>> t = new LinkedHashMap<>();
      for (Map.Entry<EntryCheck, List<String>> e : ties.entrySet()) {
        t.put(e.getKey(), List.copyOf(e.getValue()));
      }
      ties = Collections.unmodifiableMap(t);
      notes = Collections.unmodifiableMap(new LinkedHashMap<>(notes));
    }

    /** No kinks, nothing confirmed, no notes. */
    public static KinkFindings none() {
      return new KinkFindings(0, 0, 0, 0, List.of(), List.of(), Map.of(), Map.of(), false);
    }
  }
}
