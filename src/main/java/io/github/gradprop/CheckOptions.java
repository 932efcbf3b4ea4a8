package io.github.gradprop;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * Use {@code CheckOptions} to choose the difference scheme, step and tolerances of a gradient
 * check. Immutable; each {@code with...} returns a new instance.
 *
 * <p>An entry agrees when {@code |analytic - numeric| <= atol + rtol * |numeric| + rounding}, where
 * {@code rounding = 16 * eps * |loss| * (sum of |stencil weights|)}, the finite-difference noise
 * that rounding the loss alone can cause. The float64 defaults ({@code atol = 1e-8}, {@code rtol =
 * 1e-6}) catch a relative error of 1e-5 in any entry whose gradient exceeds about 1.2e-3 (92 % of
 * the entries of the reference MLP, see {@code docs/detection-power.md}) and raise no false alarm.
 *
 * <pre>{@code
 * Gradients.assertCorrect(model, aCase,
 *     CheckOptions.defaults().withScheme(DifferenceScheme.FIVE_POINT).withRtol(1e-8));
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class CheckOptions {

  /** The default absolute tolerance. */
  public static final double DEFAULT_ATOL = 1e-8;

  /** The default relative tolerance. */
  public static final double DEFAULT_RTOL = 1e-6;

  /** The default time limit of one call of user code (loss, gradient, input gradient), in ms. */
  public static final long DEFAULT_CALL_MILLIS = 10_000;

  /**
   * The default bound on the loss calls one check may need (about 2 per entry with central
   * differences, so about 50,000 parameters); a larger check fails fast instead of running for
   * hours.
   */
  public static final long DEFAULT_MAX_LOSS_CALLS = 100_000;

  /**
   * The default parameter count above which the tries of a property use the directional check:
   * 2,000 (a full check there needs about 4,000 loss calls, the directional check about 13).
   */
  public static final int DEFAULT_DIRECTIONAL_ABOVE = 2_000;

  private static final CheckOptions DEFAULTS = new CheckOptions(new Draft());

  /** The values, never changed once this instance is built (a with... copies them). */
  private final Draft values;

  private CheckOptions(Draft d) {
    this.values = d;
  }

  /**
   * The values of one instance: filled in by the {@code with...} that builds it, starting from the
   * defaults or a copy, and never changed once the instance holding them (in a final field) is
   * built. A new option is added here and in {@link #copy()}.
   */
  private static final class Draft {
    DifferenceScheme scheme = DifferenceScheme.CENTRAL;
    double step = Double.NaN;
    double atol = DEFAULT_ATOL;
    double rtol = DEFAULT_RTOL;
    int maxRows = 10;
    KinkPolicy kinkPolicy = KinkPolicy.CONFIRM;
    LossPrecision precision = LossPrecision.DOUBLE;
    long callMillis = DEFAULT_CALL_MILLIS;
    long maxLossCalls = DEFAULT_MAX_LOSS_CALLS;
    int threads = 0;
    int directionalAbove = DEFAULT_DIRECTIONAL_ABOVE;

    Draft copy() {
      Draft d = new Draft();
      d.scheme = scheme;
      d.step = step;
      d.atol = atol;
      d.rtol = rtol;
      d.maxRows = maxRows;
      d.kinkPolicy = kinkPolicy;
      d.precision = precision;
      d.callMillis = callMillis;
      d.maxLossCalls = maxLossCalls;
      d.threads = threads;
      d.directionalAbove = directionalAbove;
      return d;
    }
  }

  /** A copy of this instance with the one change {@code change} makes to its values. */
  private CheckOptions with(Consumer<Draft> change) {
    Draft d = values.copy();
    change.accept(d);
    return new CheckOptions(d);
  }

  /** Central differences with the default step and tolerances. */
  public static CheckOptions defaults() {
    return DEFAULTS;
  }

  /** Uses {@code scheme}; the step becomes that scheme's default unless set explicitly. */
  public CheckOptions withScheme(DifferenceScheme scheme) {
    if (scheme == null) {
      throw new IllegalArgumentException("scheme must not be null");
    }
    return with(d -> d.scheme = scheme);
  }

  /** Uses the relative step {@code c}: {@code h = c * max(1, |theta|)}. */
  public CheckOptions withStep(double c) {
    if (!(c > 0) || c >= 1 || Double.isInfinite(c)) {
      throw new IllegalArgumentException("step must be in (0, 1), but was " + c);
    }
    return with(d -> d.step = c);
  }

  /** Uses the absolute tolerance {@code atol >= 0}. */
  public CheckOptions withAtol(double atol) {
    if (!(atol >= 0) || Double.isInfinite(atol)) {
      throw new IllegalArgumentException("atol must be finite and >= 0, but was " + atol);
    }
    return with(d -> d.atol = atol);
  }

  /** Uses the relative tolerance {@code rtol >= 0}. */
  public CheckOptions withRtol(double rtol) {
    if (!(rtol >= 0) || Double.isInfinite(rtol)) {
      throw new IllegalArgumentException("rtol must be finite and >= 0, but was " + rtol);
    }
    return with(d -> d.rtol = rtol);
  }

  /** Shows at most {@code rows} failing entries in a report (at least 1). */
  public CheckOptions withMaxRows(int rows) {
    if (rows < 1) {
      throw new IllegalArgumentException("maxRows must be >= 1, but was " + rows);
    }
    return with(d -> d.maxRows = rows);
  }

  /**
   * Uses {@code policy} where the loss is not differentiable; {@link KinkPolicy#CONFIRM} by
   * default.
   *
   * <pre>{@code
   * CheckOptions.defaults().withKinkPolicy(KinkPolicy.STRICT)
   * }</pre>
   */
  public CheckOptions withKinkPolicy(KinkPolicy policy) {
    if (policy == null) {
      throw new IllegalArgumentException("kinkPolicy must not be null");
    }
    return with(d -> d.kinkPolicy = policy);
  }

  /**
   * Tells the check in what precision the loss is computed: the default step and the rounding
   * allowance follow it. {@link LossPrecision#DOUBLE} by default.
   */
  public CheckOptions withLossPrecision(LossPrecision precision) {
    if (precision == null) {
      throw new IllegalArgumentException("precision must not be null");
    }
    return with(d -> d.precision = precision);
  }

  /**
   * Gives each call of user code ({@code loss}, {@code gradient}, {@code inputGradient}) at most
   * {@code millis} milliseconds (>= 1; default {@value #DEFAULT_CALL_MILLIS}). A call that runs
   * longer fails the check with a {@link ModelConfigurationException} naming the call, the entry
   * moved and the time it had run; the thread running it is interrupted and abandoned (see {@code
   * docs/limits.md}).
   *
   * <pre>{@code
   * CheckOptions.defaults().withCallMillis(60_000)   // a slow forward pass
   * }</pre>
   */
  public CheckOptions withCallMillis(long millis) {
    if (millis < 1) {
      throw new IllegalArgumentException("callMillis must be >= 1, but was " + millis);
    }
    return with(d -> d.callMillis = millis);
  }

  /**
   * Bounds the loss calls one check may need (>= 1; default {@value #DEFAULT_MAX_LOSS_CALLS}): a
   * case whose check would need more fails at once with a {@link PropertyConfigurationException}
   * stating its cost, before any call.
   */
  public CheckOptions withMaxLossCalls(long calls) {
    if (calls < 1) {
      throw new IllegalArgumentException("maxLossCalls must be >= 1, but was " + calls);
    }
    return with(d -> d.maxLossCalls = calls);
  }

  /** The time limit of one call of user code, in milliseconds. */
  public long callMillis() {
    return values.callMillis;
  }

  /** The most loss calls one check may need. */
  public long maxLossCalls() {
    return values.maxLossCalls;
  }

  /**
   * Splits the entries of the full check over {@code threads} worker threads (at least 1), each
   * with its own copy of the case. By default up to as many as there are available processors, and
   * only when the check is long enough to gain from them (a few milliseconds of loss calls); a
   * count set here is used whenever there are at least 16 entries per thread. Results and reports
   * do not depend on it. Use 1 for a model that is not thread-safe (one that keeps scratch buffers
   * in static or shared fields).
   *
   * <pre>{@code
   * CheckOptions.defaults().withThreads(1)
   * }</pre>
   */
  public CheckOptions withThreads(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, but was " + threads);
    }
    return with(d -> d.threads = threads);
  }

  /**
   * In a property, checks each try with the directional check when the case has more than {@code
   * parameters} entries (at least 0), and the shrunk counterexample with the full check; {@link
   * #DEFAULT_DIRECTIONAL_ABOVE} by default. {@code Integer.MAX_VALUE} turns the directional mode
   * off.
   */
  public CheckOptions withDirectionalAbove(int parameters) {
    if (parameters < 0) {
      throw new IllegalArgumentException("directionalAbove must be >= 0, but was " + parameters);
    }
    return with(d -> d.directionalAbove = parameters);
  }

  /** The number of worker threads of the full check: as set, else the available processors. */
  public int threads() {
    return values.threads > 0 ? values.threads : Runtime.getRuntime().availableProcessors();
  }

  /**
   * Whether the thread count was set ({@link #withThreads}); when not, the check uses fewer threads
   * than {@link #threads()} when more would not pay. For gradprop's own use.
   */
  @API(status = INTERNAL, since = "0.1")
  public boolean threadsSet() {
    return values.threads > 0;
  }

  /** The parameter count above which a property's tries use the directional check. */
  public int directionalAbove() {
    return values.directionalAbove;
  }

  /** The precision the loss is computed in. */
  public LossPrecision lossPrecision() {
    return values.precision;
  }

  /** The difference scheme. */
  public DifferenceScheme scheme() {
    return values.scheme;
  }

  /** The relative step {@code c}, the scheme's default unless set. */
  public double step() {
    return Double.isNaN(values.step) ? values.scheme.defaultStep(values.precision) : values.step;
  }

  /** The absolute tolerance. */
  public double atol() {
    return values.atol;
  }

  /** The relative tolerance. */
  public double rtol() {
    return values.rtol;
  }

  /** The most failing entries a report shows. */
  public int maxRows() {
    return values.maxRows;
  }

  /** What the check does at kinks. */
  public KinkPolicy kinkPolicy() {
    return values.kinkPolicy;
  }

  @Override
  public String toString() {
    return String.format(
        "CheckOptions[%s, step %.1e, atol %.1e, rtol %.1e, %s%s]",
        values.scheme,
        step(),
        values.atol,
        values.rtol,
        values.kinkPolicy,
        values.precision == LossPrecision.DOUBLE ? "" : ", " + values.precision);
  }
}
