package io.github.gradprop.internal.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * The messages of {@code PropertyConfigurationException}s for a misused {@code @GradientProperty}
 * method or {@code GradientCheck}, and for a property whose draws give no verdict. One method per
 * message kind, each with a golden test in {@code PropertyMessagesTests}. Messages name the
 * annotation and the attribute in backticks and say what was given.
 */
@API(status = INTERNAL, since = "0.1")
public final class PropertyMessages {

  private PropertyMessages() {}

  /** The property method has no {@code GradientCheck} parameter. */
  public static String missingCheckParameter(String method) {
    return String.format(
        "@GradientProperty method `%s` needs a parameter of type GradientCheck, e.g."
            + " `void %s(GradientCheck check) { check.that(model); }`.",
        method, method);
  }

  /** The property method returned without naming a model. */
  public static String noModelNamed(String method) {
    return String.format(
        "@GradientProperty method `%s` returned without calling check.that(model).", method);
  }

  /** The model named by the method has no spec. */
  public static String modelWithoutSpec(String method) {
    return String.format("The model given in `%s` returned a null spec().", method);
  }

  /** {@code check.that(null)}. */
  public static String nullModel() {
    return "GradientCheck.that(model) needs a model, but was null.";
  }

  /** {@code check.that(...)} called twice. */
  public static String modelNamedTwice(String first, String second) {
    return String.format(
        "GradientCheck.that(model) was called twice (`%s`, then `%s`); write one"
            + " @GradientProperty method per model.",
        first, second);
  }

  /** The dims ranges never gave a valid shape. */
  public static String noValidShapes(String model, int draws, String why) {
    return String.format(
        "@GradientProperty `dims` ranges never give valid shapes for model `%s` in %d draws: %s",
        model, draws, why);
  }

  /** Under {@code kinks = AVOID}, too many draws were rejected for hitting kinks. */
  public static String tooManyKinkRejections(
      int rejected, int accepted, int tries, double edgeCases) {
    return String.format(
        "@GradientProperty(kinks = AVOID) rejected %d generated cases for hitting kinks and"
            + " accepted only %d of %d tries.%nUse the default kink policy, which checks"
            + " cases with kinks soundly, or lower `edgeCases` (now %s).",
        rejected, accepted, tries, edgeCases);
  }

  /** Too many draws on which no entry could be compared. */
  public static String tooManyInconclusiveDraws(
      int inconclusive, int accepted, int tries, String lastReport) {
    return String.format(
        "@GradientProperty drew %d cases on which no entry could be compared (every entry at a"
            + " kink or unresolved) and accepted only %d of %d tries.%nThe loss may be too"
            + " rough or too noisy for finite differences at this step. %s The last such"
            + " case:%n%s",
        inconclusive, accepted, tries, ContractMessages.DECLARE_FLOAT, lastReport);
  }

  /** The statistics entry of a passing property whose model showed kinks but no try drew ties. */
  public static String kinksButNoTies(int triesWithKinks, int tries) {
    return String.format(
        "%d of %d tries showed kinks, but no try was built with ties; tie-only bugs (a max that"
            + " passes the gradient to every tied input) stay hidden: raise `edgeCases`",
        triesWithKinks, tries);
  }
}
