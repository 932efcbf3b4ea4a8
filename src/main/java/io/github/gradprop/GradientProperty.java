package io.github.gradprop;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.github.gradprop.internal.engine.Engine;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Use {@code @GradientProperty} on a test method to check a model's backward pass on many generated
 * cases (dimensions, weights, inputs, targets) and, when one fails, to shrink it to the smallest
 * case that still fails and report that.
 *
 * <p>The method takes a {@link GradientCheck} and names the model; gradprop does the rest after the
 * method returns. It runs as an ordinary JUnit Jupiter test (Surefire, IDEs, the console launcher)
 * next to plain {@code @Test} methods.
 *
 * <pre>{@code
 * @GradientProperty(dims = {"hidden = 1..6", "batch = 1..4"}, targets = TargetKind.BINARY)
 * void sigmoidCrossEntropyBackprop(GradientCheck check) {
 *   check.that(SeedNetwork.model(Activation.SIGMOID, Cost.CROSS_ENTROPY));   // passes
 * }
 *
 * @GradientProperty(targets = TargetKind.BINARY)
 * void reluCrossEntropyBackprop(GradientCheck check) {
 *   check.that(SeedNetwork.model(Activation.RELU, Cost.CROSS_ENTROPY));
 *   // fails with the shrunk case batch=1 in=1 hidden=1 out=1, analytic vs numeric
 * }
 * }</pre>
 *
 * <p>Unset attributes fall back to configuration parameters ({@code junit-platform.properties} or
 * {@code -D}): {@code gradprop.tries}, {@code gradprop.seed} (which also overrides {@link #seed()},
 * for replay), {@code gradprop.shrinkMillis}, {@code gradprop.edgeCases}, {@code gradprop.replay},
 * {@code gradprop.callMillis}, {@code gradprop.propertyMillis}, {@code gradprop.maxLossCalls},
 * {@code gradprop.reports} (and {@code gradprop.reports.dir}, where the HTML pages go), {@code
 * gradprop.threads}, {@code gradprop.directionalAbove}, and the parameters only: {@code
 * gradprop.progress} ({@code false} turns progress lines off) and {@code gradprop.progressMillis}
 * (their interval).
 */
@API(status = EXPERIMENTAL, since = "0.1")
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Test
@ExtendWith(Engine.class)
public @interface GradientProperty {

  /**
   * Marks an {@code int} or {@code long} attribute that was not written: the configuration
   * parameter or the built-in default applies. Every value you can write is used as written or
   * rejected with the attribute's name ({@code tries = -1} is rejected, it does not mean
   * "default").
   */
  int NOT_SET = Integer.MIN_VALUE;

  /** Marks a {@code long} attribute that was not written; see {@link #NOT_SET}. */
  long NOT_SET_LONG = Long.MIN_VALUE;

  /** How many generated cases to check, >= 1; default 100 (or {@code gradprop.tries}). */
  int tries() default NOT_SET;

  /**
   * The seed of the first try, >= 0 ({@code seed = 0} pins seed 0); not written, a fresh one is
   * drawn and printed in every report. A failing report's seed reproduces that failure on the first
   * try. The configuration parameter {@code gradprop.seed} overrides it.
   */
  long seed() default NOT_SET_LONG;

  /**
   * Ranges of named dimensions, e.g. {@code {"hidden = 1..8", "batch = 1..4"}}; a single value
   * ({@code "in = 3"}) fixes one. Dimensions not listed range over {@code 1..4}.
   */
  String[] dims() default {};

  /** How weights and inputs are drawn; uniform on {@code [-scale, scale]} by default. */
  ValueDistribution values() default ValueDistribution.UNIFORM;

  /** The scale of {@link #values()}; default 1. */
  double scale() default 1.0;

  /**
   * The kind of targets the loss expects. Not written ({@link TargetKind#DEFAULT}): one-hot rows,
   * with a share of tries drawing probability-distribution rows, which fit wherever one-hot rows
   * do; a kind written here, {@code ONE_HOT} included, is used on every try.
   */
  TargetKind targets() default TargetKind.DEFAULT;

  /**
   * With {@code targets = TargetKind.CLASS_INDEX}: the dimension that counts the classes, e.g.
   * {@code "out"}; labels are drawn from {@code [0, out)}.
   */
  String classes() default "";

  /**
   * The share of tries whose values include edge cases (exact zeros, ties, +-1, 0.5), where
   * hand-written backprop tends to break, in {@code [0, 1]}; default 0.2 (or {@code
   * gradprop.edgeCases}). The same share, drawn independently, builds relations on purpose: tied
   * rows or pieces, zero rows, grid values (see docs/properties.md). Not written is {@code NaN},
   * which you cannot mean as a share.
   */
  double edgeCases() default Double.NaN;

  /** The finite-difference scheme; central differences by default. */
  DifferenceScheme scheme() default DifferenceScheme.CENTRAL;

  /**
   * What to do at kinks (ReLU at 0, ties, {@code |x|} at 0): by default entries at kinks pass and a
   * mismatch fails only if it persists at a nearby generic point; {@link KinkPolicy#AVOID} draws
   * another case instead of one with kinks; {@link KinkPolicy#STRICT} fails on any disagreement at
   * a kink (correct code can fail it). See {@code docs/kinks.md}.
   */
  KinkPolicy kinks() default KinkPolicy.CONFIRM;

  /**
   * The precision the loss is computed in; {@link LossPrecision#FLOAT} for a forward pass written
   * with {@code float}s, so that the step and the rounding allowance fit it.
   */
  LossPrecision precision() default LossPrecision.DOUBLE;

  /**
   * The relative step {@code c}, in {@code (0, 1)}; not written ({@code NaN}), the scheme's own
   * default ({@code step = 0} is rejected).
   */
  double step() default Double.NaN;

  /**
   * The absolute tolerance, finite and >= 0; not written ({@code NaN}), {@link
   * CheckOptions#DEFAULT_ATOL}. Negative values are rejected.
   */
  double atol() default Double.NaN;

  /**
   * The relative tolerance, finite and >= 0; not written ({@code NaN}), {@link
   * CheckOptions#DEFAULT_RTOL}. Negative values are rejected.
   */
  double rtol() default Double.NaN;

  /**
   * The time budget for shrinking a failure, in milliseconds; default 30000 (or {@code
   * gradprop.shrinkMillis}). When it runs out, the report says so and shows the smallest case
   * found. Must be >= 0.
   */
  long shrinkMillis() default NOT_SET_LONG;

  /**
   * The time limit of one call of the model's code ({@code loss}, {@code gradient}, {@code
   * inputGradient}), in milliseconds, >= 1; default 10000 (or {@code gradprop.callMillis}). A call
   * that runs longer fails the property with a message naming the call, the entry moved, the seed
   * and the time it had run; the thread running it is interrupted and abandoned, and the other
   * tests go on (see {@code docs/limits.md}).
   */
  long callMillis() default NOT_SET_LONG;

  /**
   * The time limit of the whole property (every try and the shrinking), in milliseconds, >= 1;
   * default 600000, ten minutes (or {@code gradprop.propertyMillis}).
   */
  long propertyMillis() default NOT_SET_LONG;

  /**
   * The most loss calls one check may need, >= 1; default 100000 (or {@code
   * gradprop.maxLossCalls}). Before the first try, gradprop computes the cost at the top of every
   * {@link #dims()} range (about 2 loss calls per parameter entry with central differences); over
   * the bound, the property fails at once, stating the cost and how to narrow the dims.
   */
  long maxLossCalls() default NOT_SET_LONG;

  /**
   * How often a long property prints a progress line ({@code [gradprop] ...: try 3 of 100, entries
   * 1,200 of 3,120, 12 s elapsed, about 5 min left}, on {@code System.err}), in milliseconds, >= 1;
   * the first comes after as long; default 5000 (or {@code gradprop.progressMillis}). {@code
   * gradprop.progress=false} turns them off.
   */
  long progressMillis() default NOT_SET_LONG;

  /**
   * Which outcomes of this property get an HTML page under {@code target/gradprop-reports/} (see
   * {@code docs/reports.md}): {@code "failures"} (the default, or {@code gradprop.reports}), {@code
   * "all"} (a passing property too) or {@code "off"}. The directory is the configuration parameter
   * {@code gradprop.reports.dir}.
   */
  String reports() default "";

  /**
   * How many worker threads the full check of a case uses, >= 1; not written, one per available
   * processor (or {@code gradprop.threads}). Results and reports do not depend on it; write {@code
   * threads = 1} for a model that is not thread-safe (scratch buffers in static or shared fields),
   * which gradprop otherwise reports as such.
   */
  int threads() default NOT_SET;

  /**
   * Tries of cases with more than this many parameters use the directional check (a few random
   * directions instead of every entry), and the shrunk counterexample the full check; >= 0, not
   * written {@link CheckOptions#DEFAULT_DIRECTIONAL_ABOVE} (or {@code gradprop.directionalAbove}).
   * Write {@code Integer.MAX_VALUE} to check every try entry by entry (the default is 2,000: a full
   * check there already costs about 4,000 loss calls, the directional check about 13).
   */
  int directionalAbove() default NOT_SET;
}
