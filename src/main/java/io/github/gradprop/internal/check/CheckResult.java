package io.github.gradprop.internal.check;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.github.gradprop.CheckOptions;
import io.github.gradprop.EntryCheck;
import io.github.gradprop.GradientCheckResult;
import io.github.gradprop.KinkPolicy;
import io.github.gradprop.internal.report.Diagnosis;
import io.github.gradprop.internal.report.MismatchReport;
import io.github.gradprop.internal.report.NoteText;
import io.github.gradprop.model.ModelSpec;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/** The engine's {@link GradientCheckResult}: an immutable value built once per check. */
@API(status = INTERNAL, since = "0.1")
public final class CheckResult implements GradientCheckResult {

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
  private final ModelSpec spec;
  private final String fixedReport;

  /** Creates a result without kink findings; gradprop's engine does this, users normally do not. */
  public CheckResult(
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
  public CheckResult(
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
        kinks,
        null,
        null);
  }

  /**
   * A result of a check of a case of {@code spec} (which the report's diagnosis reads the tensors'
   * axes from; null for none) whose {@link #report()} is {@code fixedReport} (for a check with no
   * entry table), or the entry report when null.
   */
  CheckResult(
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
      KinkFindings kinks,
      ModelSpec spec,
      String fixedReport) {
    this.fixedReport = fixedReport;
    this.spec = spec;
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
  @Override
  public boolean passed() {
    return failures.isEmpty() && !kinks.rejected();
  }

  /**
   * Whether no entry could be compared: every entry sits at a kink, is unresolved, or was a kink
   * artifact, and none fails. {@link #passed()} is still true (entries at kinks pass), but the
   * check has given no verdict: {@link Gradients#assertCorrect} throws a {@link
   * RejectedCaseException}, and a property draws another case.
   */
  @Override
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
  @Override
  public boolean rejected() {
    return kinks.rejected();
  }

  /** The kink policy the check ran with. */
  @Override
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
  @Override
  public int kinkCount() {
    return kinks.kinkCount();
  }

  /**
   * How many mismatches (or analytic values outside every one-sided estimate) did not persist at a
   * nearby generic point: artifacts of coincident kinks or ties, not wrong gradients.
   */
  @Override
  public int kinkArtifactCount() {
    return kinks.kinkArtifactCount();
  }

  /** How many entries got no verdict because estimates at successive steps kept disagreeing. */
  @Override
  public int unresolvedCount() {
    return kinks.unresolvedCount();
  }

  /**
   * How many entries needed steps smaller than the scheme's to get a verdict: a kink or a jump in
   * the curvature within one step, a loss that is not finite one step away, or a mismatch that had
   * to be told apart from truncation error. A statistic: it costs two loss calls per smaller step.
   */
  @Override
  public int refinedCount() {
    return kinks.refinedCount();
  }

  /** Whether the case hits kinks: {@code kinkCount() + kinkArtifactCount() > 0}. */
  @Override
  public boolean hasKinks() {
    return kinks.kinkCount() + kinks.kinkArtifactCount() > 0;
  }

  /**
   * The entries that neither agree nor fail: verdicts {@link Verdict#KINK}, {@link
   * Verdict#KINK_ARTIFACT} and {@link Verdict#UNRESOLVED}, in checking order.
   */
  @Override
  public List<EntryCheck> nonSmoothEntries() {
    return kinks.nonSmoothEntries();
  }

  /**
   * For each {@link Verdict#MISMATCH} in {@link #failures()}, in the same order, the same entry
   * checked at the nearby generic point where the mismatch persisted. Empty unless the policy is
   * {@link KinkPolicy#CONFIRM} and some entry mismatched.
   */
  @Override
  public List<EntryCheck> confirmations() {
    return kinks.confirmations();
  }

  /** Whether the reported mismatches were confirmed at a nearby generic point. */
  @Override
  public boolean confirmed() {
    return !kinks.confirmations().isEmpty();
  }

  /**
   * The entries moved together for a {@link Verdict#KINK_MISMATCH} failure (whose own tensor and
   * index are the first of them), as text such as {@code w1[0, 1]}; empty for any other entry.
   */
  @Override
  public List<String> tiedEntries(EntryCheck failure) {
    List<String> tied = kinks.ties().get(failure);
    return tied == null ? List.of() : tied;
  }

  /**
   * Facts about non-smoothness the user should know about, even when the check passes: steep
   * one-sided slopes (a clipped log), a loss that is not finite within one step, kinks under {@link
   * KinkPolicy#STRICT}. Keys and values as the report prints them.
   */
  @Override
  public Map<String, String> notes() {
    return NoteText.render(kinks.notes());
  }

  /** The failing entries, worst first (non-finite, then by relative error). */
  @Override
  public List<EntryCheck> failures() {
    return failures;
  }

  /** The model's name. */
  @Override
  public String modelName() {
    return modelName;
  }

  /** The dimensions of the checked case. */
  @Override
  public Map<String, Integer> dims() {
    return dims;
  }

  /** The options the check ran with. */
  @Override
  public CheckOptions options() {
    return options;
  }

  /** The loss at the checked point. */
  @Override
  public double loss() {
    return loss;
  }

  /** The largest rounding allowance added to any entry's tolerance. */
  @Override
  public double maxRounding() {
    return maxRounding;
  }

  /** The names of the checked tensors, in order. */
  @Override
  public List<String> tensors() {
    return List.copyOf(analytic.keySet());
  }

  /** The number of entries checked over all tensors. */
  @Override
  public int checkedEntries() {
    int n = 0;
    for (double[] a : analytic.values()) {
      n += a.length;
    }
    return n;
  }

  /** The number of entries of tensor {@code name}. */
  @Override
  public int entries(String tensor) {
    return analyticOf(tensor).length;
  }

  /** A copy of the analytic gradient of {@code tensor}, row-major. */
  @Override
  public double[] analytic(String tensor) {
    return analyticOf(tensor).clone();
  }

  /** A copy of the numeric gradient of {@code tensor}, row-major. */
  @Override
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
  @Override
  public double largestAgreeingRelativeError() {
    return largestAgreeingRelativeError;
  }

  /** How many times the check called the model's loss. */
  @Override
  public long lossCalls() {
    return lossCalls;
  }

  /** The report users read: summary, facts and the worst-first table; a pass line if none fail. */
  @Override
  public String report() {
    if (fixedReport != null) {
      return fixedReport;
    }
    return MismatchReport.format(this, Diagnosis.of(this, spec));
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
}
