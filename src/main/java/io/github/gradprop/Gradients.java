package io.github.gradprop;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.github.gradprop.internal.engine.Engine;
import io.github.gradprop.model.Case;
import io.github.gradprop.model.GradientModel;
import org.apiguardian.api.API;

/**
 * Use {@code Gradients} to check a model's backward pass on one case you give, from a plain
 * {@code @Test}.
 *
 * <p>You only <em>call</em> this type.
 *
 * <pre>{@code
 * @Test
 * void backwardMatchesFiniteDifferences() {
 *   Gradients.assertCorrect(model, aCase);   // passes for a correct backward pass
 * }
 *
 * @Test
 * void reluCrossEntropyBackwardIsWrong() {
 *   GradientMismatchError e = assertThrows(GradientMismatchError.class,
 *       () -> Gradients.assertCorrect(buggyModel, aCase));   // the message is the full report
 * }
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Gradients {

  private Gradients() {}

  /** Checks every gradient entry of {@code model} on {@code aCase} with default options. */
  public static GradientCheckResult check(GradientModel model, Case aCase) {
    return check(model, aCase, CheckOptions.defaults());
  }

  /** Checks every gradient entry of {@code model} on {@code aCase}. */
  public static GradientCheckResult check(GradientModel model, Case aCase, CheckOptions options) {
    if (model == null || aCase == null || options == null) {
      throw new IllegalArgumentException("model, case and options must not be null");
    }
    return Engine.check(model, aCase, options);
  }

  /**
   * Checks {@code model} on {@code aCase} with default options and throws a {@link
   * GradientMismatchError} whose message is the report when any entry fails. Entries at kinks pass
   * (see {@link KinkPolicy#CONFIRM}).
   */
  public static void assertCorrect(GradientModel model, Case aCase) {
    assertCorrect(model, aCase, CheckOptions.defaults());
  }

  /**
   * Like {@link #assertCorrect(GradientModel, Case)}, with the given options. Under {@link
   * KinkPolicy#AVOID}, a case that hits kinks throws a {@link RejectedCaseException}: it was not
   * checked, so it must not pass.
   */
  public static void assertCorrect(GradientModel model, Case aCase, CheckOptions options) {
    GradientCheckResult result = check(model, aCase, options);
    if (result.rejected() || result.inconclusive()) {
      throw new RejectedCaseException(result.report(), result);
    }
    if (!result.passed()) {
      throw new GradientMismatchError(result.report(), result);
    }
  }
}
