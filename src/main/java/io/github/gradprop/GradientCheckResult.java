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
      long lossCalls) {
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
  }

  /** Whether every entry agrees. */
  public boolean passed() {
    return failures.isEmpty();
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

  /** The largest relative error among the entries that agree. */
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
}
