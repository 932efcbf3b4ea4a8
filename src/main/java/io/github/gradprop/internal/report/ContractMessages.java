package io.github.gradprop.internal.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * The messages of {@code ModelConfigurationException}s for a model that breaks its contract: it
 * throws, modifies its arguments, is not deterministic, computes in float, or gets a case that does
 * not fit it. One method per message kind, each with a golden test in {@code
 * ContractMessagesTests}; a new contract message goes here, and the code that detects the violation
 * only hands over facts.
 *
 * <p>Entries are named as the report's table names them ({@code w1[0, 1]}), and every message that
 * depends on the case ends with its {@code shape : ...} fact.
 */
@API(status = INTERNAL, since = "0.1")
public final class ContractMessages {

  /** How to declare a float model; shared by every message that suspects float rounding. */
  public static final String DECLARE_FLOAT =
      "If the model computes in float, declare it:"
          + " CheckOptions.defaults().withLossPrecision(LossPrecision.FLOAT), or"
          + " @GradientProperty(precision = LossPrecision.FLOAT).";

  private static final String READ_ONLY =
      "The loss and gradient must treat parameters and batch as read-only;"
          + " copy what you need to change.";

  /** Why a model is not deterministic, most often, and how to tell. */
  public static final String NONDETERMINISM_HINT =
      "State shared between calls or threads is the common cause: a static or instance field, a"
          + " cache, a gradient buffer added to and never cleared, a shared Random. Under JUnit"
          + " parallel execution, run the property single-threaded to tell: annotate the class"
          + " with @Execution(ExecutionMode.SAME_THREAD), or set"
          + " junit.jupiter.execution.parallel.enabled=false.";

  private ContractMessages() {}

  /** {@code spec()} returned null. */
  public static String nullSpec(Object model) {
    return "Model " + model + " returned a null spec()";
  }

  /** A call of user code threw. */
  public static String threw(String model, String call, Throwable e, String dims) {
    return String.format("Model `%s` threw from %s: %s%nshape : %s", model, call, e, dims);
  }

  /** {@code loss(...)} threw with one entry moved. */
  public static String threwWithEntryMoved(
      String model, String entry, double from, double to, Throwable e, String dims) {
    return String.format(
        "Model `%s` threw from loss(...) with %s moved from %s to %s: %s%nshape : %s",
        model, entry, from, to, e, dims);
  }

  /** {@code loss(...)} threw with several entries moved together along a direction. */
  public static String threwWithEntriesMoved(
      String model, int count, String first, double by, Throwable e, String dims) {
    return String.format(
        "Model `%s` threw from loss(...) with %d entries (%s, ...) moved together by %s:"
            + " %s%nshape : %s",
        model, count, first, by, e, dims);
  }

  /** {@code loss(...)} wrote to the entry gradprop had moved. */
  public static String modifiedMovedEntry(
      String model, String entry, double from, double to, double after) {
    return String.format(
        "Model `%s` modified its arguments: loss(...) with %s moved from %s to %s set it"
            + " to %s.%n%s",
        model, entry, from, to, after, READ_ONLY);
  }

  /** A call left an argument changed. */
  public static String modifiedArgument(
      String model, String call, String entry, double now, double before) {
    return String.format(
        "Model `%s` modified its arguments: after %s, %s was %s instead of %s.%n%s",
        model, call, entry, now, before, READ_ONLY);
  }

  /** Two calls of {@code loss(...)} on the same case differ. */
  public static String lossNotDeterministic(String model, double first, double second) {
    return String.format(
        "Model `%s` is not deterministic: two calls of loss(...) on the same case returned"
            + " %s and %s.%n%s",
        model, first, second, NONDETERMINISM_HINT);
  }

  /** Two calls of {@code gradient(...)} on the same case differ. */
  public static String gradientNotDeterministic(
      String model, String entry, double first, double second) {
    return String.format(
        "Model `%s` is not deterministic: two calls of gradient(...) on the same case"
            + " gave %s = %s and then %s.%n%s",
        model, entry, first, second, NONDETERMINISM_HINT);
  }

  /** Every loss is exactly a float value while the check assumes double precision. */
  public static String computesInFloat(String model, double loss, String dims) {
    return String.format(
        "Model `%s` returns losses that are all exactly float values (loss %s at the given"
            + " point): it computes in float, but the check assumes double precision, whose"
            + " step is far too small for float rounding.%n%s%nshape : %s",
        model, loss, DECLARE_FLOAT, dims);
  }

  /**
   * The one-sided slopes at an entry drift apart as the step shrinks: noise, not a kink.
   *
   * @param isDouble whether the check assumed double precision
   */
  public static String tooNoisy(
      String model,
      boolean isDouble,
      String entry,
      double coarseGap,
      double coarseStep,
      double fineGap,
      double fineStep,
      String dims) {
    return String.format(
        "Model `%s` has a loss too noisy to check at %s precision: moving %s, the one-sided"
            + " slopes drift apart as the step shrinks (they differ by %s at step %s and by %s"
            + " at step %s), where a smooth loss would bring them together and a kink would"
            + " keep them apart.%n"
            + "No verdict is possible, so the check does not pass.%n"
            + "%s%n"
            + "shape : %s",
        model,
        isDouble ? "double" : "float",
        entry,
        Numbers.small(coarseGap),
        Numbers.small(coarseStep),
        Numbers.small(fineGap),
        Numbers.small(fineStep),
        isDouble
            ? DECLARE_FLOAT
            : "Check the loss for randomness or for values rounded coarser than float.",
        dims);
  }

  /** The given case cannot be laid out as the model's spec says. */
  public static String caseDoesNotFit(String model, String why, String dims) {
    return String.format("The case does not fit model `%s`: %s%nshape : %s", model, why, dims);
  }

  /** A tensor of the given case has another shape than the spec declares for its dims. */
  public static String tensorDoesNotFit(
      String model, String tensor, String given, Object declared, String expected, String dims) {
    return String.format(
        "The case does not fit model `%s`: tensor `%s` is %s in the case, but %s = %s for %s",
        model, tensor, given, declared, expected, dims);
  }

  /**
   * A call of user code ran past its time limit.
   *
   * @param entry the entry moved for the call, the first of {@code moved} when several moved
   *     together by {@code to}, or {@code null}
   * @param limit the limit as the user set it, e.g. "`callMillis` = 200 ms"
   * @param raise how to raise it
   */
  public static String callTimedOut(
      String model,
      String call,
      String entry,
      double from,
      double to,
      int moved,
      String dims,
      long elapsedMillis,
      String limit,
      String raise) {
    String what = call;
    if (entry != null && moved == 1) {
      what = String.format("%s with %s moved from %s to %s", call, entry, from, to);
    } else if (entry != null) {
      what =
          String.format(
              "%s with %d entries (%s, ...) moved together by %s", call, moved, entry, to);
    }
    return String.format(
        "Model `%s` did not return from %s within its time limit (%s): it had run for at least %s"
            + " when gradprop stopped waiting.%n"
            + "gradprop interrupted the thread running the model and abandoned it; the other tests"
            + " go on. An endless loop or a wait that never ends is the common cause; if the call"
            + " is only slow, narrow the dims or %s.%n"
            + "shape : %s",
        model, what, limit, Numbers.seconds(elapsedMillis), raise, dims);
  }

  /**
   * A check would need more loss calls than its bound allows: the facts, one sentence.
   *
   * @param bound the bound as the user set it, e.g. "`maxLossCalls` = 100,000"
   */
  public static String tooLarge(
      String model, String dims, long parameters, long inputs, long calls, String bound) {
    return String.format(
        "Model `%s` is too large to check at %s: %s parameter entries%s, so one check needs"
            + " about %s loss calls, over the bound %s.",
        model,
        dims,
        Numbers.count(parameters),
        inputs == 0 ? "" : " and " + Numbers.count(inputs) + " input entries",
        Numbers.count(calls),
        bound);
  }

  /** {@code Gradients.check} on a case whose check would need more loss calls than allowed. */
  public static String checkTooLarge(
      String model, String dims, long parameters, long inputs, long calls, long bound) {
    return String.format(
        "%s%nCheck a smaller case (gradient bugs show at a few units per dimension), or raise"
            + " the bound: CheckOptions.defaults().withMaxLossCalls(...).",
        tooLarge(
            model,
            dims,
            parameters,
            inputs,
            calls,
            "maxLossCalls = " + Numbers.count(bound) + " (CheckOptions)"));
  }

  /** A {@link VirtualMachineError} outside the calls of user code, in gradprop's own work. */
  public static String crashed(String model, Throwable e) {
    return String.format(
        "gradprop hit %s while checking model `%s`, outside the model's own calls: the case is too"
            + " large for this JVM. Narrow the dims, or give the test JVM more memory (Surefire's"
            + " argLine, e.g. -Xmx2g).",
        e, model);
  }

  /** A contract message from a generated case, with where it came from and how to replay it. */
  public static String inGeneratedCase(
      String message, String origin, long seed, String replayHint) {
    return String.format(
        "%s%ncase  : %s%nseed  : %d%nreplay: %s",
        message.replace("at the given point", "at the generated case"), origin, seed, replayHint);
  }

  /** The first line of {@code message}, stripped; {@code no message} for none. */
  public static String firstLine(String message) {
    if (message == null) {
      return "no message";
    }
    int nl = message.indexOf('\n');
    return (nl < 0 ? message : message.substring(0, nl)).strip();
  }

  /**
   * The entries of a check, split over {@code threads} threads, gave {@code onWorker} for {@code
   * entry} where the same entry, checked again alone on one thread, gave {@code alone}.
   */
  public static String notThreadSafe(
      String model, int threads, String entry, String onWorker, String alone, String dims) {
    return String.format(
        "Model `%s` is not thread-safe: checked on %d threads, %s gave %s; checked again alone on"
            + " one thread, it gave %s.%n"
            + "A model that keeps scratch buffers in static or shared fields (or a shared Random,"
            + " or a cache) gives wrong losses when gradprop's worker threads call it at once."
            + " Keep scratch local to each call, or check on one thread:"
            + " CheckOptions.defaults().withThreads(1), @GradientProperty(threads = 1), or the"
            + " configuration parameter gradprop.threads=1.%n"
            + "shape : %s",
        model, threads, entry, onWorker, alone, dims);
  }

  /** {@code loss(...)} threw with every parameter moved by {@code +-t} along a random direction. */
  public static String threwAlongDirection(String model, double t, Throwable e, String dims) {
    return String.format(
        "Model `%s` threw from loss(...) with every entry moved by +-%s along a random direction"
            + " (directional check): %s%nshape : %s",
        model, t, e, dims);
  }
}
