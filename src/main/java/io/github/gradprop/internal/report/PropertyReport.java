package io.github.gradprop.internal.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.github.gradprop.GradientCheckResult;
import io.github.gradprop.model.Case;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * The message of a failing property: the mismatch report of the shrunk case, the case itself, and
 * how to replay it.
 */
@API(status = INTERNAL, since = "0.1")
public final class PropertyReport {

  private PropertyReport() {}

  /** Everything a failing property reports. */
  public record Failure(
      GradientCheckResult shrunkResult,
      Case shrunk,
      Case original,
      GradientCheckResult originalResult,
      long seed,
      int tryNumber,
      int tries,
      boolean replayed,
      String storedAt,
      int steps,
      int checks,
      boolean outOfTime,
      long shrinkMillisBudget,
      long shrinkMillisTaken,
      String testSelector,
      String htmlReport,
      String foundBy,
      String targetsNote) {}

  /**
   * The {@code found by} fact of a failure the directional check found: which direction disagreed
   * ({@code direction}, as {@code DirectionalChecker.label} names it), by how much, in which
   * tensors when moved alone, and whether the shrunk case then got the full check.
   */
  public static String foundByDirections(
      String direction,
      int entries,
      double analytic,
      double estimate,
      double tolerance,
      java.util.List<String> tensors,
      boolean atGenericPoint,
      boolean shrunkCheckedEntryByEntry) {
    return String.format(
        Locale.ROOT,
        "the directional check (random +-1 directions over all %,d entries, drawn from the seed):"
            + " along %s%s, the analytic projection is %s, finite differences give %s"
            + " (tolerance %.1e); %s disagree%s when moved alone. %s",
        entries,
        direction,
        atGenericPoint ? " at a nearby generic point (the case sits on kinks)" : "",
        Double.toString(analytic),
        Double.toString(estimate),
        tolerance,
        String.join(", ", tensors),
        tensors.size() == 1 ? "s" : "",
        shrunkCheckedEntryByEntry
            ? "The shrunk case was checked entry by entry."
            : "The shrunk case was checked along random directions only.");
  }

  /** How to run {@code seed} again, as the annotation attribute or from the Maven command line. */
  public static String replayHint(long seed, String testSelector) {
    return String.format(
        "@GradientProperty(seed = %dL), or mvn test -Dtest='%s' -Dgradprop.seed=%d",
        seed, testSelector, seed);
  }

  /**
   * The headline of a check along random directions that disagreed: which tensors disagree when the
   * direction moves them alone, with the projection, the estimate and the tolerance. {@code why}
   * says why there is no entry table (e.g. the full check would exceed its bound), or null.
   */
  public static String alongDirections(
      String model,
      String dims,
      double loss,
      java.util.List<io.github.gradprop.EntryCheck> disagreeing,
      String why) {
    java.util.List<String> names = new java.util.ArrayList<>();
    Table table = new Table("tensor", "analytic projection", "finite differences", "tolerance");
    for (io.github.gradprop.EntryCheck e : disagreeing) {
      names.add(e.tensor());
      table.row(
          e.tensor(),
          Double.toString(e.analytic()),
          Double.toString(e.numeric()),
          String.format(Locale.ROOT, "%.1e", e.tolerance()));
    }
    Facts facts = new Facts();
    facts.add("model", model);
    facts.add("shape", dims);
    facts.add("loss", Double.toString(loss));
    facts.add(
        "check",
        "along a random direction of +-1 signs on every entry, drawn from the seed; each row moves"
            + " only that tensor's entries");
    return String.format(
        "Analytic gradient disagrees with finite differences along a random direction, in %s%s%n"
            + "%s%n%n%s",
        String.join(", ", names),
        why == null ? "" : " (" + why + ")",
        facts.render().stripTrailing(),
        table.render().stripTrailing());
  }

  public static String format(Failure f) {
    return format(f, null);
  }

  /**
   * The report of {@code f}; {@code headline}, when not null, replaces the entry table (a shrunk
   * case checked only along random directions).
   */
  public static String format(Failure f, String headline) {
    StringBuilder sb = new StringBuilder();
    sb.append(headline != null ? headline : MismatchReport.format(f.shrunkResult(), diagnosis(f)));
    sb.append(String.format("%n%n"));
    String label;
    if (f.steps() > 0) {
      label = "shrunk";
    } else if (f.outOfTime()) {
      label = "not shrunk: the shrinking budget ran out";
    } else if (f.replayed()) {
      label = "as stored by the last run; no smaller case fails the same way";
    } else {
      label = "not shrunk: no smaller case fails the same way";
    }
    sb.append(String.format("case (%s):%n", label));
    sb.append(CaseText.format(f.shrunk()));
    sb.append(String.format("%n"));
    Facts facts = new Facts();
    if (f.replayed()) {
      facts.add("seed", f.seed() + ", replayed from the counterexample the last run stored");
    } else {
      facts.add("seed", String.format("%d, try %d of %d", f.seed(), f.tryNumber(), f.tries()));
    }
    if (f.targetsNote() != null) {
      facts.add("targets", f.targetsNote());
    }
    String shrinking =
        String.format(
            "%d %s from %s (%d %s)%s",
            f.steps(),
            f.steps() == 1 ? "step" : "steps",
            f.original().dimsText(),
            f.checks(),
            f.checks() == 1 ? "check" : "checks",
            f.outOfTime()
                ? String.format(
                    "; stopped by the %d ms budget (shrinkMillis), a smaller case may exist",
                    f.shrinkMillisBudget())
                : "");
    facts.add("shrinking", shrinking);
    if (f.foundBy() != null) {
      facts.add("found by", f.foundBy());
    } else {
      facts.add("original", MismatchReport.summary(f.originalResult()));
    }
    facts.add("replay", replayHint(f.seed(), f.testSelector()));
    if (f.storedAt() != null) {
      facts.add("stored", f.storedAt() + " (every value of the case; tried first on the next run)");
    }
    if (f.htmlReport() != null) {
      facts.add("html", f.htmlReport() + " (heat maps of the errors, the shrink history)");
    }
    facts.add(
        "time",
        String.format(Locale.ROOT, "shrinking took %.2f s", f.shrinkMillisTaken() / 1000.0));
    sb.append(facts.render());
    sb.append(String.format("%n"));
    sb.append(snippet(f));
    return sb.toString().stripTrailing();
  }

  /** The diagnosis of the shrunk case, as the text report shows it (an HTML page may too). */
  public static Diagnosis diagnosis(Failure f) {
    return Diagnosis.of(f.shrunkResult(), f.shrunk().spec());
  }

  /** The regression test for the shrunk case, for the property {@code f.testSelector()} names. */
  static String snippet(Failure f) {
    String selector = f.testSelector();
    int hash = selector.indexOf('#');
    String declaring = hash < 0 ? "the test class" : selector.substring(0, hash).replace('$', '.');
    String method = hash < 0 ? selector : selector.substring(hash + 1);
    return RegressionSnippet.format(
        declaring, method, f.seed(), f.shrunk(), f.shrunkResult().options());
  }
}
