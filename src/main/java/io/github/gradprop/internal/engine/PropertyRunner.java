package io.github.gradprop.internal.engine;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.github.gradprop.GradientCheckResult;
import io.github.gradprop.GradientMismatchError;
import io.github.gradprop.Gradients;
import io.github.gradprop.ModelConfigurationException;
import io.github.gradprop.PropertyConfigurationException;
import io.github.gradprop.internal.generation.CaseGenerator;
import io.github.gradprop.internal.generation.Seeds;
import io.github.gradprop.internal.html.HtmlReports;
import io.github.gradprop.internal.report.ContractMessages;
import io.github.gradprop.internal.report.PropertyMessages;
import io.github.gradprop.internal.report.PropertyReport;
import io.github.gradprop.internal.shrinking.Shrinker;
import io.github.gradprop.model.Case;
import io.github.gradprop.model.GradientModel;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import org.apiguardian.api.API;

/**
 * Runs one property: the stored counterexample first (if any), then one generated case per try; on
 * the first failure, shrinks it, stores it and throws the report.
 */
@API(status = INTERNAL, since = "0.1")
public final class PropertyRunner {

  /** What a passing property publishes. */
  public record Statistics(
      long seed,
      int tries,
      int edgeTries,
      int triesWithKinks,
      long kinkEntries,
      long kinkArtifacts,
      long unresolvedEntries,
      int rejected,
      int inconclusive,
      long entriesChecked,
      long lossCalls,
      double largestAgreeingRelativeError,
      boolean replayedFixed) {

    public Map<String, String> asReportEntries() {
      Map<String, String> m = new LinkedHashMap<>();
      m.put("gradprop.seed", String.valueOf(seed));
      m.put("gradprop.tries", String.valueOf(tries));
      m.put("gradprop.triesWithEdgeValues", String.valueOf(edgeTries));
      m.put("gradprop.triesWithKinks", String.valueOf(triesWithKinks));
      m.put("gradprop.entriesAtKinks", String.valueOf(kinkEntries));
      m.put("gradprop.kinkArtifacts", String.valueOf(kinkArtifacts));
      m.put("gradprop.unresolvedEntries", String.valueOf(unresolvedEntries));
      if (rejected > 0) {
        m.put("gradprop.rejectedForKinks", String.valueOf(rejected));
      }
      if (inconclusive > 0) {
        m.put("gradprop.inconclusiveDrawn", String.valueOf(inconclusive));
      }
      m.put("gradprop.entriesChecked", String.valueOf(entriesChecked));
      m.put("gradprop.lossCalls", String.valueOf(lossCalls));
      m.put(
          "gradprop.largestRelativeError",
          largestAgreeingRelativeError == 0
              ? "0 (every agreeing entry within atol)"
              : String.format(java.util.Locale.ROOT, "%.1e", largestAgreeingRelativeError));
      if (replayedFixed) {
        m.put("gradprop.replay", "the stored counterexample passes now; removed");
      }
      return m;
    }
  }

  private final GradientModel model;
  private final PropertySettings settings;
  private final ReplayStore store;
  private final String propertyId;
  private final LongSupplier clockMillis;
  private final HtmlReports reports;

  public PropertyRunner(
      GradientModel model,
      PropertySettings settings,
      ReplayStore store,
      String propertyId,
      LongSupplier clockMillis) {
    this(model, settings, store, propertyId, clockMillis, HtmlReports.off());
  }

  /** A runner that writes the property's HTML page to {@code reports}. */
  public PropertyRunner(
      GradientModel model,
      PropertySettings settings,
      ReplayStore store,
      String propertyId,
      LongSupplier clockMillis,
      HtmlReports reports) {
    this.reports = reports;
    this.model = model;
    this.settings = settings;
    this.store = settings.replay ? store : null;
    this.propertyId = propertyId;
    this.clockMillis = clockMillis;
  }

  public Statistics run() {
    boolean replayedFixed = false;
    if (store != null && !settings.seedGiven) {
      ReplayStore.Stored stored = store.load(propertyId, model.spec());
      if (stored != null && !settings.admits(stored.aCase())) {
        store.delete(propertyId); // the dimension ranges changed since it was stored
        stored = null;
      }
      if (stored != null) {
        GradientCheckResult r = check(stored.aCase(), stored.seed(), 0);
        if (!r.passed() && !r.rejected() && !r.inconclusive()) {
          throw shrinkAndReport(stored.aCase(), r, stored.seed(), 0, true);
        }
        store.delete(propertyId);
        replayedFixed = true;
      }
    }
    CaseGenerator generator =
        new CaseGenerator(
            model.spec(),
            settings.dimRanges,
            settings.values,
            settings.scale,
            settings.targets,
            settings.edgeCases,
            settings.classes);
    long seed = settings.seed;
    long entries = 0;
    long calls = 0;
    double largest = 0;
    int edgeTries = 0;
    int withKinks = 0;
    long kinkEntries = 0;
    long artifacts = 0;
    long unresolved = 0;
    int rejectedForKinks = 0;
    int inconclusive = 0;
    int maxDrawnAgain = settings.tries * PropertySettings.MAX_REJECTIONS_PER_TRY;
    VacuityWatch vacuity = new VacuityWatch(settings.options);
    GradientCheckResult shown = null;
    Case shownCase = null;
    for (int t = 1; t <= settings.tries; seed = Seeds.next(seed)) {
      Case c = generator.generate(seed);
      GradientCheckResult r = check(c, seed, t);
      calls += r.lossCalls();
      if (r.rejected() || r.inconclusive()) {
        if (r.rejected()) {
          rejectedForKinks++;
        } else {
          inconclusive++;
        }
        if (rejectedForKinks + inconclusive > maxDrawnAgain) {
          throw tooManyDrawnAgain(r, rejectedForKinks, inconclusive, t - 1);
        }
        continue;
      }
      if (!r.passed()) {
        throw shrinkAndReport(c, r, seed, t, false);
      }
      if (generator.isEdgeCase(seed)) {
        edgeTries++;
      }
      if (r.hasKinks()) {
        withKinks++;
      }
      kinkEntries += r.kinkCount();
      artifacts += r.kinkArtifactCount();
      unresolved += r.unresolvedCount();
      entries += r.checkedEntries();
      if (shown == null || r.largestAgreeingRelativeError() > largest) {
        shown = r;
        shownCase = c;
      }
      largest = Math.max(largest, r.largestAgreeingRelativeError());
      vacuity.observe(r, t);
      t++;
    }
    vacuity.requireDiscriminating(model.spec().name(), settings.tries);
    Statistics statistics =
        new Statistics(
            settings.seed,
            settings.tries,
            edgeTries,
            withKinks,
            kinkEntries,
            artifacts,
            unresolved,
            rejectedForKinks,
            inconclusive,
            entries,
            calls,
            largest,
            replayedFixed);
    GradientCheckResult page = shown;
    Case pageCase = shownCase;
    reports.passed(propertyId, () -> PropertyPages.pass(propertyId, statistics, page, pageCase));
    return statistics;
  }

  private PropertyConfigurationException tooManyDrawnAgain(
      GradientCheckResult last, int rejectedForKinks, int inconclusive, int accepted) {
    if (rejectedForKinks >= inconclusive) {
      return new PropertyConfigurationException(
          PropertyMessages.tooManyKinkRejections(
              rejectedForKinks, accepted, settings.tries, settings.edgeCases));
    }
    return new PropertyConfigurationException(
        PropertyMessages.tooManyInconclusiveDraws(
            inconclusive, accepted, settings.tries, last.report()));
  }

  private GradientCheckResult check(Case c, long seed, int tryNumber) {
    try {
      return Gradients.check(model, c, settings.options);
    } catch (ModelConfigurationException e) {
      ModelConfigurationException withSeed =
          new ModelConfigurationException(
              ContractMessages.inGeneratedCase(
                  e.getMessage(),
                  tryNumber == 0
                      ? "the counterexample stored by the last run"
                      : "generated, try " + tryNumber,
                  seed,
                  PropertyReport.replayHint(seed, testSelector())),
              e.getCause());
      withSeed.setStackTrace(e.getStackTrace());
      throw withSeed;
    }
  }

  /** The property as Surefire's {@code -Dtest} selects it: simple class name, then method. */
  private String testSelector() {
    int dot = propertyId.lastIndexOf('.', propertyId.indexOf('#'));
    return propertyId.substring(dot + 1);
  }

  private GradientMismatchError shrinkAndReport(
      Case failing, GradientCheckResult original, long seed, int tryNumber, boolean replayed) {
    Map<String, Integer> minDims = new LinkedHashMap<>();
    for (Map.Entry<String, int[]> e : settings.dimRanges.entrySet()) {
      minDims.put(e.getKey(), e.getValue()[0]);
    }
    long start = clockMillis.getAsLong();
    Shrinker shrinker =
        new Shrinker(
            c -> Gradients.check(model, c, settings.options),
            minDims,
            clockMillis,
            settings.shrinkMillis,
            r -> !r.rejected(),
            settings.targets,
            settings.classes);
    Shrinker.Shrunk shrunk = shrinker.shrink(failing, original);
    long taken = clockMillis.getAsLong() - start;
    String storedAt = null;
    if (store != null) {
      Path file = store.save(propertyId, seed, shrunk.smallest());
      storedAt = file == null ? null : relative(file);
    }
    PropertyReport.Failure facts =
        new PropertyReport.Failure(
            shrunk.result(),
            shrunk.smallest(),
            failing,
            original,
            seed,
            tryNumber,
            settings.tries,
            replayed,
            storedAt,
            shrunk.steps(),
            shrunk.checks(),
            shrunk.outOfTime(),
            settings.shrinkMillis,
            taken,
            testSelector(),
            null);
    // the page's path is known before it is written, so the message is formatted once
    String planned = reports.plannedPage(propertyId);
    String message = PropertyReport.format(planned == null ? facts : withPage(facts, planned));
    if (planned != null
        && reports.failed(PropertyPages.failure(propertyId, facts, shrunk.history(), message))
            == null) {
      message = PropertyReport.format(facts); // not written: the message names no page
    }
    return new GradientMismatchError(message, shrunk.result());
  }

  private static PropertyReport.Failure withPage(PropertyReport.Failure f, String page) {
    return new PropertyReport.Failure(
        f.shrunkResult(),
        f.shrunk(),
        f.original(),
        f.originalResult(),
        f.seed(),
        f.tryNumber(),
        f.tries(),
        f.replayed(),
        f.storedAt(),
        f.steps(),
        f.checks(),
        f.outOfTime(),
        f.shrinkMillisBudget(),
        f.shrinkMillisTaken(),
        f.testSelector(),
        page);
  }

  private static String relative(Path file) {
    Path cwd = Path.of("").toAbsolutePath();
    Path abs = file.toAbsolutePath();
    return abs.startsWith(cwd) ? cwd.relativize(abs).toString() : abs.toString();
  }
}
