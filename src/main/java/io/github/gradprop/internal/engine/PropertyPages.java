package io.github.gradprop.internal.engine;

import io.github.gradprop.GradientCheckResult;
import io.github.gradprop.internal.html.PropertyPage;
import io.github.gradprop.internal.report.PropertyReport;
import io.github.gradprop.internal.shrinking.Shrinker;
import io.github.gradprop.model.Case;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Builds the HTML page of a property from what the runner knows; the html package renders it. */
final class PropertyPages {

  private PropertyPages() {}

  static PropertyPage failure(
      String propertyId, PropertyReport.Failure f, List<Shrinker.Step> history, String message) {
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put("model", f.shrunkResult().modelName());
    facts.put("shape", f.shrunk().dimsText() + " (shrunk)");
    facts.put("original shape", f.original().dimsText());
    facts.put(
        "seed",
        f.replayed()
            ? f.seed() + ", replayed from the counterexample the last run stored"
            : String.format("%d, try %d of %d", f.seed(), f.tryNumber(), f.tries()));
    facts.put("replay", PropertyReport.replayHint(f.seed(), f.testSelector()));
    if (f.storedAt() != null) {
      facts.put("stored", f.storedAt());
    }
    Map<String, String> stats = new LinkedHashMap<>();
    stats.put("try", f.tryNumber() == 0 ? "stored case" : f.tryNumber() + " of " + f.tries());
    stats.put("shrink steps", String.valueOf(f.steps()));
    stats.put("shrink checks", String.valueOf(f.checks()));
    stats.put(
        "shrink time",
        String.format(Locale.ROOT, "%.2f s%s", f.shrinkMillisTaken() / 1000.0, budget(f)));
    checkStats(stats, "original", f.originalResult());
    checkStats(stats, "shrunk", f.shrunkResult());
    return new PropertyPage(
        propertyId,
        true,
        message.lines().findFirst().orElse(""),
        facts,
        List.of(
            new PropertyPage.Figure("shrunk", f.shrunkResult(), f.shrunk()),
            new PropertyPage.Figure("original", f.originalResult(), f.original())),
        history,
        stats,
        message);
  }

  private static String budget(PropertyReport.Failure f) {
    return f.outOfTime() ? ", stopped by the " + f.shrinkMillisBudget() + " ms budget" : "";
  }

  private static void checkStats(Map<String, String> stats, String label, GradientCheckResult r) {
    stats.put(
        label + " case",
        String.format(
            "%d of %d entries fail, %d at kinks, %d kink artifacts, %d unresolved, %d loss calls",
            r.failures().size(),
            r.checkedEntries(),
            r.kinkCount(),
            r.kinkArtifactCount(),
            r.unresolvedCount(),
            r.lossCalls()));
  }

  static PropertyPage pass(
      String propertyId, PropertyRunner.Statistics s, GradientCheckResult shown, Case shownCase) {
    Map<String, String> facts = new LinkedHashMap<>();
    List<PropertyPage.Figure> figures = List.of();
    String headline = String.format("All %d tries pass", s.tries());
    if (shown != null) {
      facts.put("model", shown.modelName());
      facts.put("shown", "the try with the largest relative error, " + shownCase.dimsText());
      figures = List.of(new PropertyPage.Figure("largest error", shown, shownCase));
    }
    facts.put("seed", String.valueOf(s.seed()));
    return new PropertyPage(
        propertyId,
        false,
        headline,
        facts,
        figures,
        List.of(),
        s.asReportEntries(),
        shown == null ? headline : shown.report());
  }
}
