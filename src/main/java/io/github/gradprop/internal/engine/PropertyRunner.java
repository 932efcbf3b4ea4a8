package io.github.gradprop.internal.engine;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.github.gradprop.GradientCheckResult;
import io.github.gradprop.GradientMismatchError;
import io.github.gradprop.Gradients;
import io.github.gradprop.ModelConfigurationException;
import io.github.gradprop.PropertyConfigurationException;
import io.github.gradprop.TargetKind;
import io.github.gradprop.internal.check.CheckCost;
import io.github.gradprop.internal.check.DirectionalChecker;
import io.github.gradprop.internal.generation.CaseGenerator;
import io.github.gradprop.internal.generation.Seeds;
import io.github.gradprop.internal.html.HtmlReports;
import io.github.gradprop.internal.report.CaseText;
import io.github.gradprop.internal.report.ContractMessages;
import io.github.gradprop.internal.report.Numbers;
import io.github.gradprop.internal.report.PropertyMessages;
import io.github.gradprop.internal.report.PropertyReport;
import io.github.gradprop.internal.report.StatisticsLine;
import io.github.gradprop.internal.shrinking.Shrinker;
import io.github.gradprop.internal.verdict.DirectionRule;
import io.github.gradprop.model.Case;
import io.github.gradprop.model.GradientModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
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
      int triesWithTies,
      int triesWithKinks,
      long kinkEntries,
      long kinkArtifacts,
      long unresolvedEntries,
      int rejected,
      int inconclusive,
      int triesAlongDirections,
      long entriesChecked,
      long lossCalls,
      double largestAgreeingRelativeError,
      boolean replayedFixed,
      long millis) {

    /** The line printed to standard output for property {@code method}. */
    public String line(String method) {
      return StatisticsLine.format(
          new StatisticsLine.Facts(
              method,
              tries,
              edgeTries,
              triesWithKinks,
              kinkArtifacts,
              rejected + inconclusive,
              triesAlongDirections,
              largestAgreeingRelativeError,
              lossCalls,
              millis));
    }

    public Map<String, String> asReportEntries() {
      Map<String, String> m = new LinkedHashMap<>();
      m.put("gradprop.seed", String.valueOf(seed));
      m.put("gradprop.tries", String.valueOf(tries));
      m.put("gradprop.triesWithEdgeValues", String.valueOf(edgeTries));
      m.put("gradprop.triesWithTies", String.valueOf(triesWithTies));
      m.put("gradprop.triesWithKinks", String.valueOf(triesWithKinks));
      if (triesWithKinks > 0 && triesWithTies == 0) {
        m.put("gradprop.tieSearch", PropertyMessages.kinksButNoTies(triesWithKinks, tries));
      }
      m.put("gradprop.entriesAtKinks", String.valueOf(kinkEntries));
      m.put("gradprop.kinkArtifacts", String.valueOf(kinkArtifacts));
      m.put("gradprop.unresolvedEntries", String.valueOf(unresolvedEntries));
      if (rejected > 0) {
        m.put("gradprop.rejectedForKinks", String.valueOf(rejected));
      }
      if (inconclusive > 0) {
        m.put("gradprop.inconclusiveDrawn", String.valueOf(inconclusive));
      }
      if (triesAlongDirections > 0) {
        m.put("gradprop.triesAlongDirections", String.valueOf(triesAlongDirections));
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

  /**
   * Where the property is, written by the thread that runs it and read by its {@link Watch}: a few
   * volatile writes per try, none per call.
   */
  static final class Progress {
    volatile int tryNumber;
    volatile int triesDone;
    volatile long seed;
    volatile boolean shrinking;
    volatile boolean alongDirections;
    volatile int shrinkChecks;
    volatile long shrinkStartMillis;

    void at(int t, long s) {
      tryNumber = t;
      seed = s;
    }
  }

  private final Progress progress = new Progress();
  private final GradientModel model;
  private final PropertySettings settings;
  private final ReplayStore store;
  private final String propertyId;
  private final LongSupplier clockMillis;
  private final HtmlReports reports;

  /**
   * While shrinking, candidates with at most this many parameters always get the full check; it is
   * also the size above which the shrinker cuts dimensions in halves.
   */
  static final int SHRINK_FULL_UP_TO = Shrinker.HALVING_ABOVE;

  /** The directional outcomes behind the results that came from the directional check. */
  private final Map<GradientCheckResult, DirectionalChecker.Outcome> directional =
      new IdentityHashMap<>();

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

  /** Where the property is, for its watch. */
  Progress progress() {
    return progress;
  }

  /** The property as Surefire's {@code -Dtest} selects it, for messages and progress lines. */
  String selector() {
    return testSelector();
  }

  GradientModel model() {
    return model;
  }

  PropertySettings settings() {
    return settings;
  }

  /** Whether the settings ask for the statistics line on standard output. */
  public boolean printsStatistics() {
    return settings.statistics;
  }

  public Statistics run() {
    long started = clockMillis.getAsLong();
    requireAffordable(settings.largestDims(), null);
    boolean replayedFixed = replayStored();
    CaseGenerator generator =
        new CaseGenerator(
            model.spec(),
            settings.dimRanges,
            settings.values,
            settings.scale,
            settings.targets,
            settings.edgeCases,
            settings.classes,
            settings.targetsPinned);
    Tally tally = new Tally();
    int maxDrawnAgain = settings.tries * PropertySettings.MAX_REJECTIONS_PER_TRY;
    VacuityWatch vacuity = new VacuityWatch(settings.options);
    long seed = settings.seed;
    for (int t = 1; t <= settings.tries; seed = Seeds.next(seed)) {
      progress.at(t, seed);
      Case c = generator.generate(seed);
      requireAffordable(c.dims(), c.dimsText());
      GradientCheckResult r = check(c, seed, t);
      tally.calls += r.lossCalls();
      if (r.rejected() || r.inconclusive()) {
        tally.drawnAgain(r);
        if (tally.rejected + tally.inconclusive > maxDrawnAgain) {
          throw tooManyDrawnAgain(r, seed, tally.rejected, tally.inconclusive, t - 1);
        }
        continue;
      }
      if (!r.passed()) {
        GradientMismatchError e = shrinkAndReport(c, r, seed, t, false);
        if (e != null) {
          throw e;
        }
        // only the directional check disagreed, and the full check of the shrunk case passes:
        // below the tolerances of the full check, so the try passes (its statistics are not kept)
        t++;
        continue;
      }
      tally.passed(r, c, generator.isEdgeCase(seed), generator.isRelational(seed));
      tally.alongDirections += directional.containsKey(r) ? 1 : 0;
      vacuity.observe(r, t);
      progress.triesDone = t;
      t++;
    }
    vacuity.requireDiscriminating(model.spec().name(), settings.tries);
    Statistics statistics =
        tally.statistics(
            settings.seed, settings.tries, replayedFixed, clockMillis.getAsLong() - started);
    reports.passed(
        propertyId, () -> PropertyPages.pass(propertyId, statistics, tally.shown, tally.shownCase));
    return statistics;
  }

  /**
   * Checks the counterexample stored by the last run first, when there is one (and no seed was
   * given): still failing, it is shrunk and reported; passing now, it is removed. Whether it was.
   */
  private boolean replayStored() {
    if (store == null || settings.seedGiven) {
      return false;
    }
    ReplayStore.Stored stored = store.load(propertyId, model.spec());
    if (stored != null && !settings.admits(stored.aCase())) {
      store.delete(propertyId); // the dimension ranges changed since it was stored
      stored = null;
    }
    if (stored == null) {
      return false;
    }
    progress.at(0, stored.seed());
    GradientCheckResult r = check(stored.aCase(), stored.seed(), 0);
    if (!r.passed() && !r.rejected() && !r.inconclusive()) {
      GradientMismatchError e = shrinkAndReport(stored.aCase(), r, stored.seed(), 0, true);
      if (e != null) {
        throw e;
      }
    }
    store.delete(propertyId);
    return true;
  }

  /** What the tries of a property add up to, and the passing try a pass page shows. */
  private static final class Tally {
    long entries;
    long calls;
    double largest;
    int edgeTries;
    int tieTries;
    int withKinks;
    long kinkEntries;
    long artifacts;
    long unresolved;
    int rejected;
    int inconclusive;
    int alongDirections;
    GradientCheckResult shown;
    Case shownCase;

    void drawnAgain(GradientCheckResult r) {
      if (r.rejected()) {
        rejected++;
      } else {
        inconclusive++;
      }
    }

    void passed(GradientCheckResult r, Case c, boolean edge, boolean relational) {
      edgeTries += edge ? 1 : 0;
      tieTries += relational ? 1 : 0;
      withKinks += r.hasKinks() ? 1 : 0;
      kinkEntries += r.kinkCount();
      artifacts += r.kinkArtifactCount();
      unresolved += r.unresolvedCount();
      entries += r.checkedEntries();
      if (shown == null || r.largestAgreeingRelativeError() > largest) {
        shown = r;
        shownCase = c;
      }
      largest = Math.max(largest, r.largestAgreeingRelativeError());
    }

    Statistics statistics(long seed, int tries, boolean replayedFixed, long millis) {
      return new Statistics(
          seed,
          tries,
          edgeTries,
          tieTries,
          withKinks,
          kinkEntries,
          artifacts,
          unresolved,
          rejected,
          inconclusive,
          alongDirections,
          entries,
          calls,
          largest,
          replayedFixed,
          millis);
    }
  }

  /**
   * Fails fast when a check at {@code dims} would need more loss calls than {@code maxLossCalls}:
   * before the first try at the largest dims (when the spec has shapes there), and for each case.
   */
  private void requireAffordable(Map<String, Integer> dims, String dimsText) {
    CheckCost cost = costAt(dims);
    if (fits(cost)) {
      return;
    }
    long bound = settings.get(PropertySettings.MAX_LOSS_CALLS);
    String at = dimsText != null ? dimsText : CaseText.dims(dims) + " (the largest dims)";
    String facts =
        ContractMessages.tooLarge(
            model.spec().name(),
            at,
            cost.parameters(),
            cost.inputs(),
            cost.lossCalls(),
            "`maxLossCalls` = " + Numbers.count(bound));
    long alongDirections = cost.alongDirections().lossCalls();
    throw new PropertyConfigurationException(
        alongDirections <= bound && alongDirections < cost.lossCalls()
            ? PropertyMessages.propertyTooLarge(
                facts, bound, settings.options.directionalAbove(), alongDirections)
            : PropertyMessages.propertyTooLarge(facts, bound));
  }

  /**
   * What a try at {@code dims} costs in the mode it runs in: along directions above {@code
   * directionalAbove} parameters, else entry by entry; null when the spec has no shapes there.
   */
  private CheckCost costAt(Map<String, Integer> dims) {
    CheckCost full = fullCostAt(dims);
    if (full == null || full.parameters() <= settings.options.directionalAbove()) {
      return full;
    }
    return full.alongDirections();
  }

  private CheckCost fullCostAt(Map<String, Integer> dims) {
    return CheckCost.of(model.spec(), dims, model.hasInputGradient(), settings.options.scheme());
  }

  private PropertyConfigurationException tooManyDrawnAgain(
      GradientCheckResult last,
      long lastSeed,
      int rejectedForKinks,
      int inconclusive,
      int accepted) {
    if (rejectedForKinks >= inconclusive) {
      return new PropertyConfigurationException(
          PropertyMessages.tooManyKinkRejections(
              rejectedForKinks, accepted, settings.tries, settings.edgeCases));
    }
    if (directional.containsKey(last)) {
      return new PropertyConfigurationException(
          PropertyMessages.tooManyUndecidedAlongDirections(
              inconclusive,
              accepted,
              settings.tries,
              settings.get(PropertySettings.MAX_LOSS_CALLS),
              last.report()));
    }
    return new PropertyConfigurationException(
        PropertyMessages.tooManyInconclusiveDraws(
            inconclusive,
            accepted,
            settings.tries,
            last.report(),
            lastSeed,
            PropertyReport.replayHint(lastSeed, testSelector())));
  }

  private GradientCheckResult check(Case c, long seed, int tryNumber) {
    try {
      return checkInMode(c, seed);
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

  /**
   * The directional check for a case with more than {@code directionalAbove} parameters (the full
   * check when no direction could be compared), else the full check.
   */
  private GradientCheckResult checkInMode(Case c, long seed) {
    return checkInMode(c, seed, settings.options.directionalAbove());
  }

  private GradientCheckResult checkInMode(Case c, long seed, int directionalAbove) {
    progress.alongDirections = false;
    if (c.parameters().size() <= directionalAbove) {
      return Gradients.check(model, c, settings.options);
    }
    progress.alongDirections = true;
    DirectionalChecker.Outcome o = DirectionalChecker.check(model, c, settings.options, seed);
    progress.alongDirections = false;
    if (o.status() == DirectionalChecker.Status.UNDECIDED) {
      // every direction met a kink: entry by entry if that fits the bound, else drawn again
      CheckCost full = fullCostAt(c.dims());
      if (fits(full)) {
        return Gradients.check(model, c, settings.options);
      }
      GradientCheckResult undecided =
          o.asInconclusiveResult(
              settings.options,
              PropertyMessages.undecidedAlongDirections(
                  model.spec().name(),
                  c.dimsText(),
                  o.directions().size(),
                  o.atGenericPoint(),
                  full.lossCalls(),
                  settings.get(PropertySettings.MAX_LOSS_CALLS),
                  seed,
                  PropertyReport.replayHint(seed, testSelector())));
      directional.put(undecided, o);
      return undecided;
    }
    GradientCheckResult r = o.asResult(settings.options);
    directional.put(r, o);
    return r;
  }

  /** The property as Surefire's {@code -Dtest} selects it: simple class name, then method. */
  private String testSelector() {
    int dot = propertyId.lastIndexOf('.', propertyId.indexOf('#'));
    return propertyId.substring(dot + 1);
  }

  /**
   * Shrinks {@code failing} and returns the report to throw; null when the failure was the
   * directional check's alone and the full check of the shrunk case passes.
   */
  private GradientMismatchError shrinkAndReport(
      Case failing, GradientCheckResult original, long seed, int tryNumber, boolean replayed) {
    long start = clockMillis.getAsLong();
    GradientCheckResult found = original;
    if (directional.containsKey(original) && failing.parameters().size() <= SHRINK_FULL_UP_TO) {
      original = Gradients.check(model, failing, settings.options);
      if (original.passed() || original.rejected() || original.inconclusive()) {
        return null;
      }
    }
    progress.shrinkStartMillis = start;
    progress.shrinking = true;
    Shrinker.Shrunk shrunk = shrinkerFor(seed).shrink(failing, original);
    Table table = tableOf(shrunk);
    if (table == null) {
      return null;
    }
    GradientCheckResult shrunkResult = table.result();
    String headline = table.headline();
    String foundBy = foundBy(found, headline == null);
    long taken = clockMillis.getAsLong() - start;
    String storedAt = null;
    if (store != null) {
      Path file = store.save(propertyId, seed, shrunk.smallest());
      storedAt = file == null ? null : relative(file);
    }
    PropertyReport.Failure facts =
        new PropertyReport.Failure(
            shrunkResult,
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
            null,
            foundBy,
            targetsNote(seed));
    // the page's path is known before it is written, so the message is formatted once; a case
    // without an entry table has no heat maps to show
    String planned = headline == null ? reports.plannedPage(propertyId) : null;
    String message =
        PropertyReport.format(planned == null ? facts : withPage(facts, planned), headline);
    if (planned != null
        && reports.failed(PropertyPages.failure(propertyId, facts, shrunk.history(), message))
            == null) {
      message = PropertyReport.format(facts); // not written: the message names no page
    }
    return new GradientMismatchError(message, shrunkResult);
  }

  /**
   * The result a report shows for a shrunk case, and, when it has no entry table, the headline that
   * replaces it (else null).
   */
  private record Table(GradientCheckResult result, String headline) {}

  /**
   * The shrunk case's entry table: its full check when its result came along directions and the
   * full check fits {@code maxLossCalls}, else the directional finding; null when the full check
   * passes (the directions resolved an error below the full check's tolerances).
   */
  private Table tableOf(Shrinker.Shrunk shrunk) {
    GradientCheckResult r = shrunk.result();
    if (!directional.containsKey(r)) {
      return new Table(r, null);
    }
    CheckCost cost = fullCostAt(shrunk.smallest().dims());
    if (fits(cost)) {
      GradientCheckResult full = Gradients.check(model, shrunk.smallest(), settings.options);
      return full.passed() ? null : new Table(full, null);
    }
    return new Table(
        r,
        PropertyReport.alongDirections(
            model.spec().name(),
            shrunk.smallest().dimsText(),
            r.loss(),
            r.failures(),
            PropertyMessages.noEntryTable(
                cost.lossCalls(), settings.get(PropertySettings.MAX_LOSS_CALLS))));
  }

  /** Whether a check of cost {@code c} fits the bound {@code maxLossCalls} (null: no shapes). */
  private boolean fits(CheckCost c) {
    return c == null || c.lossCalls() <= settings.get(PropertySettings.MAX_LOSS_CALLS);
  }

  /** The shrinker of a failure found at {@code seed}, counting its checks for progress lines. */
  private Shrinker shrinkerFor(long seed) {
    Map<String, Integer> minDims = new LinkedHashMap<>();
    for (Map.Entry<String, int[]> e : settings.dimRanges.entrySet()) {
      minDims.put(e.getKey(), e.getValue()[0]);
    }
    // candidates of a size the full check handles in milliseconds get it, so that a small case
    // shrinks exactly as in the full mode; a small original found along a direction starts there
    int shrinkDirectionalAbove = Math.max(settings.options.directionalAbove(), SHRINK_FULL_UP_TO);
    return new Shrinker(
        c -> {
          progress.shrinkChecks++;
          return checkInMode(c, seed, shrinkDirectionalAbove);
        },
        minDims,
        clockMillis,
        settings.shrinkMillis,
        r -> !r.rejected(),
        // a case drawn with the more general target kind shrinks with that kind's rules
        CaseGenerator.targetsOf(seed, settings.targets, settings.targetsPinned),
        settings.classes);
  }

  /** The {@code found by} fact when the directional check found the failure, else null. */
  private String foundBy(GradientCheckResult original, boolean shrunkCheckedEntryByEntry) {
    DirectionalChecker.Outcome o = directional.get(original);
    if (o == null || o.disagreeing() == null) {
      return null;
    }
    DirectionRule.Verdict v = o.disagreeing().verdict();
    List<String> tensors = new ArrayList<>();
    for (DirectionalChecker.TensorFinding f : o.tensors()) {
      tensors.add(f.tensor());
    }
    return PropertyReport.foundByDirections(
        DirectionalChecker.label(o.disagreeing().number()),
        o.entries(),
        v.analytic(),
        v.estimate(),
        v.tolerance(),
        tensors,
        o.atGenericPoint(),
        shrunkCheckedEntryByEntry);
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
        page,
        f.foundBy(),
        f.targetsNote());
  }

  /**
   * The {@code targets} fact when the try at {@code seed} drew the more general target kind
   * (distribution rows for one-hot, probabilities for binary) because the property did not write
   * {@code targets}, else null: the user did not ask for them.
   */
  private String targetsNote(long seed) {
    TargetKind drawn = CaseGenerator.targetsOf(seed, settings.targets, settings.targetsPinned);
    return drawn == settings.targets
        ? null
        : PropertyMessages.drawnAsTheGeneralKind(drawn.name(), settings.targets.name());
  }

  private static String relative(Path file) {
    Path cwd = Path.of("").toAbsolutePath();
    Path abs = file.toAbsolutePath();
    return abs.startsWith(cwd) ? cwd.relativize(abs).toString() : abs.toString();
  }
}
