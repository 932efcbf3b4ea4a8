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

  /**
   * Too many draws on which no entry could be compared; the last such case's report, drawn at
   * {@code lastSeed} and replayed by {@code replay}.
   */
  public static String tooManyInconclusiveDraws(
      int inconclusive, int accepted, int tries, String lastReport, long lastSeed, String replay) {
    return String.format(
        "@GradientProperty drew %d cases on which no entry could be compared (every entry at a"
            + " kink or unresolved) and accepted only %d of %d tries.%nThe loss may be too"
            + " rough or too noisy for finite differences at this step. %s The last such"
            + " case:%n%s%n%n%s",
        inconclusive,
        accepted,
        tries,
        ContractMessages.DECLARE_FLOAT,
        lastReport,
        new Facts()
            .add("seed", String.valueOf(lastSeed))
            .add("replay", replay)
            .render()
            .stripTrailing());
  }

  /**
   * Too many tries checked along random directions met kinks in every direction and were too large
   * for the full check.
   */
  public static String tooManyUndecidedAlongDirections(
      int inconclusive, int accepted, int tries, long bound, String lastReport) {
    return String.format(
        "@GradientProperty drew %d cases on which no random direction could be compared (every"
            + " direction met a kink inside its stencil) and accepted only %d of %d tries; these"
            + " cases are too large for the full check, which would look at each entry, under"
            + " `maxLossCalls` = %s.%nNarrow `dims` so that a case fits the full check, raise"
            + " `maxLossCalls` (or -Dgradprop.maxLossCalls=...), or check fewer edge cases"
            + " (`edgeCases`): exact zeros and ties put kinks in every direction. The last such"
            + " case:%n%s",
        inconclusive, accepted, tries, Numbers.count(bound), lastReport);
  }

  /**
   * A property ran past its time limit.
   *
   * @param origin where it was, e.g. "generated, try 4"
   * @param call the call of user code in progress, or {@code null}
   * @param dims the dims of that call's case, or {@code null}
   */
  public static String propertyTimedOut(
      String model,
      long limitMillis,
      long elapsedMillis,
      int triesDone,
      int tries,
      String origin,
      long seed,
      String call,
      String dims,
      String replay) {
    return String.format(
        "@GradientProperty check of model `%s` ran past its time limit (`propertyMillis` = %d ms):"
            + " %d of %d tries done in %s, then at %s (seed %d)%s.%n"
            + "gradprop interrupted the thread running the property and abandoned it; the other"
            + " tests go on. Lower `tries`, narrow `dims`, or raise `propertyMillis` (or"
            + " -Dgradprop.propertyMillis=...).%n"
            + "replay: %s",
        model,
        limitMillis,
        triesDone,
        tries,
        Numbers.seconds(elapsedMillis),
        origin,
        seed,
        call == null ? "" : ", in " + call + " at " + dims,
        replay);
  }

  /** Under a property's bound on loss calls, its largest case is too large to check. */
  public static String propertyTooLarge(String tooLarge, long bound) {
    return String.format(
        "%s%nNarrow `dims` (gradient bugs show at a few units per dimension, e.g. dims ="
            + " {\"hidden = 1..4\"}), or raise `maxLossCalls` (now %s; or"
            + " -Dgradprop.maxLossCalls=...).",
        tooLarge, Numbers.count(bound));
  }

  /**
   * Like {@link #propertyTooLarge(String, long)} for a case checked entry by entry because it has
   * at most {@code directionalAbove} parameters, which the directional check, with its {@code
   * directionalCalls} loss calls, would fit.
   */
  public static String propertyTooLarge(
      String tooLarge, long bound, int directionalAbove, long directionalCalls) {
    return String.format(
        "%s%nNarrow `dims` (gradient bugs show at a few units per dimension, e.g. dims ="
            + " {\"hidden = 1..4\"}), let cases of this size run along random directions"
            + " (`directionalAbove`, now %s: about %s loss calls a try), or raise `maxLossCalls`"
            + " (now %s; or -Dgradprop.maxLossCalls=...).",
        tooLarge,
        Numbers.count(directionalAbove),
        Numbers.count(directionalCalls),
        Numbers.count(bound));
  }

  /**
   * A progress line of a running property, e.g. {@code [gradprop] Props#relu: try 3 of 100, entries
   * 1,200 of 3,120, 12 s elapsed, about 5 min left}; a try checked along random directions has no
   * entries to count ({@code alongDirections}) and says so instead.
   *
   * @param leftMillis the estimated time left, or a negative value when there is no estimate yet
   */
  public static String progress(
      String property,
      int tryNumber,
      int tries,
      int entriesDone,
      int entriesTotal,
      boolean alongDirections,
      long elapsedMillis,
      long leftMillis) {
    String entries =
        alongDirections
            ? " (along random directions)"
            : entriesTotal == 0
                ? ""
                : ", entries " + Numbers.count(entriesDone) + " of " + Numbers.count(entriesTotal);
    return String.format(
        "[gradprop] %s: try %d of %d%s, %s elapsed%s",
        property,
        tryNumber,
        tries,
        entries,
        Numbers.seconds(elapsedMillis),
        leftMillis < 0 ? "" : ", about " + Numbers.seconds(leftMillis) + " left");
  }

  /**
   * Why a try checked along random directions gave no verdict: every direction drawn met a kink,
   * and the full check of the case is over the cost bound.
   */
  public static String undecidedAlongDirections(
      String model,
      String dims,
      int directions,
      boolean atGenericPoint,
      long fullCalls,
      long bound,
      long seed,
      String replay) {
    return String.format(
        "No verdict along random directions: all %d directions drawn%s met a kink inside their"
            + " stencil, and the full check of this case needs about %s loss calls, over the"
            + " bound `maxLossCalls` = %s.%n%s",
        directions,
        atGenericPoint ? " at a nearby generic point (the case itself sits on kinks)" : "",
        Numbers.count(fullCalls),
        Numbers.count(bound),
        new Facts()
            .add("model", model)
            .add("shape", dims)
            .add("seed", String.valueOf(seed))
            .add("replay", replay)
            .render()
            .stripTrailing());
  }

  /**
   * The {@code targets} fact of a failure whose try drew the target kind {@code drawn} (e.g. {@code
   * DISTRIBUTION}) instead of {@code kind} ({@code ONE_HOT}), as a share of tries does when {@code
   * targets} is not written.
   */
  public static String drawnAsTheGeneralKind(String drawn, String kind) {
    return String.format(
        "%s (this try drew the kind that generalises %s, as one try in four does when `targets` is"
            + " not written; `targets = TargetKind.%s` pins %s on every try)",
        drawn, kind, kind, kind);
  }

  /** Why a shrunk case has no entry table: its full check is over the cost bound. */
  public static String noEntryTable(long fullCalls, long bound) {
    return String.format(
        "no entry table: the full check of this case needs about %s loss calls, over the bound"
            + " `maxLossCalls` = %s; narrow `dims` or raise `maxLossCalls` for one",
        Numbers.count(fullCalls), Numbers.count(bound));
  }

  /** A progress line while a property shrinks its failure. */
  public static String shrinkingProgress(
      String property, int tryNumber, int checks, long elapsedMillis, long budgetMillis) {
    return String.format(
        "[gradprop] %s: shrinking the failure of try %d, %d checks, %s elapsed (shrinking stops"
            + " after %s)",
        property, tryNumber, checks, Numbers.seconds(elapsedMillis), Numbers.seconds(budgetMillis));
  }

  /** A progress line of one long check ({@code Gradients.check}). */
  public static String checkProgress(
      String model, int entriesDone, int entriesTotal, long elapsedMillis, long leftMillis) {
    return String.format(
        "[gradprop] check of model `%s`: entries %s of %s, %s elapsed%s",
        model,
        Numbers.count(entriesDone),
        Numbers.count(entriesTotal),
        Numbers.seconds(elapsedMillis),
        leftMillis < 0 ? "" : ", about " + Numbers.seconds(leftMillis) + " left");
  }

  /** The statistics entry of a passing property whose model showed kinks but no try drew ties. */
  public static String kinksButNoTies(int triesWithKinks, int tries) {
    return String.format(
        "%d of %d tries showed kinks, but no try was built with ties; tie-only bugs (a max that"
            + " passes the gradient to every tied input) stay hidden: raise `edgeCases`",
        triesWithKinks, tries);
  }
}
