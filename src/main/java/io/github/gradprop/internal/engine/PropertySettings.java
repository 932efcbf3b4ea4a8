package io.github.gradprop.internal.engine;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.github.gradprop.CheckOptions;
import io.github.gradprop.GradientProperty;
import io.github.gradprop.PropertyConfigurationException;
import io.github.gradprop.TargetKind;
import io.github.gradprop.ValueDistribution;
import io.github.gradprop.internal.html.ReportMode;
import io.github.gradprop.model.ModelSpec;
import io.github.gradprop.model.TensorSpec;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apiguardian.api.API;

/**
 * The resolved configuration of one property: annotation attributes first, then configuration
 * parameters, then built-in defaults. Every value is validated here, with messages that name the
 * attribute and the value.
 */
@API(status = INTERNAL, since = "0.1")
public final class PropertySettings {

  public static final int DEFAULT_TRIES = 100;
  public static final int DEFAULT_DIM_MIN = 1;
  public static final int DEFAULT_DIM_MAX = 4;
  public static final double DEFAULT_EDGE_CASES = 0.2;
  public static final long DEFAULT_SHRINK_MILLIS = 30_000;
  public static final long DEFAULT_PROPERTY_MILLIS = 600_000;
  public static final long DEFAULT_PROGRESS_MILLIS = 5_000;

  /** Under {@code KinkPolicy.AVOID}, how many rejected cases per try are tolerated. */
  public static final int MAX_REJECTIONS_PER_TRY = 10;

  private static final double INF = Double.POSITIVE_INFINITY;

  final int tries;
  final long seed;

  /** Whether {@code gradprop.seed} was given: the user asks for that seed, not for a replay. */
  final boolean seedGiven;

  final Map<String, int[]> dimRanges;
  final ValueDistribution values;
  final double scale;

  /** The target kind: as written, or {@code ONE_HOT} when not written. */
  final TargetKind targets;

  /**
   * Whether the user wrote {@code targets}: when not, a share of tries draws the more general kind
   * ({@link io.github.gradprop.internal.generation.CaseGenerator#targetsOf}).
   */
  final boolean targetsPinned;

  final String classes;
  final double edgeCases;
  final CheckOptions options;
  final long shrinkMillis;
  final boolean replay;

  /** Whether progress lines are printed ({@code gradprop.progress}). */
  final boolean progress;

  /** Which properties get an HTML page ({@code gradprop.reports}). */
  final ReportMode reports;

  /** Where the pages go ({@code gradprop.reports.dir}); null for the default. */
  final String reportsDir;

  /** Whether a passing property prints its statistics line ({@code gradprop.statistics}). */
  final boolean statistics;

  /** Every attribute's resolved value, by the row that resolved it. */
  private final Map<Attribute<?>, Object> resolved;

  /**
   * One row of the settings table: an annotation attribute, its configuration parameter (or none),
   * its built-in default and what a valid value is. Precedence: the attribute as written, then the
   * configuration parameter, then the default; a written value or a parameter that is not valid is
   * rejected with the attribute's (or parameter's) name. "Not written" is the annotation's marker
   * ({@link GradientProperty#NOT_SET}, {@code NaN}), which is not a value a user means.
   *
   * @param name the attribute of {@link GradientProperty}
   * @param key the configuration parameter, or {@code null}
   * @param written the value as written, or {@code null} when not written
   * @param parse reads the configuration parameter
   * @param fallback the built-in default ({@code null}: none, the code that uses it decides)
   * @param valid whether a value is valid
   * @param requirement what a valid value is, as in "`tries` >= 1"
   */
  record Attribute<T>(
      String name,
      String key,
      Function<GradientProperty, T> written,
      Function<String, T> parse,
      T fallback,
      Predicate<T> valid,
      String requirement) {

    T resolve(GradientProperty a, Function<String, Optional<String>> config) {
      T value = written.apply(a);
      if (value != null) {
        if (!valid.test(value)) {
          throw new PropertyConfigurationException(
              String.format(
                  "@GradientProperty requires `%s` %s, but was %s.", name, requirement, value));
        }
        return value;
      }
      Optional<String> param = key == null ? Optional.empty() : config.apply(key);
      if (param.isPresent()) {
        T parsed = parse.apply(param.get());
        if (!valid.test(parsed)) {
          throw new PropertyConfigurationException(
              String.format(
                  "Configuration parameter `%s` (for @GradientProperty `%s`) must be %s, but was"
                      + " \"%s\".",
                  key, name, requirement, param.get()));
        }
        return parsed;
      }
      return fallback;
    }
  }

  static final Attribute<Integer> TRIES =
      new Attribute<>(
          "tries",
          "gradprop.tries",
          a -> a.tries() == GradientProperty.NOT_SET ? null : a.tries(),
          v -> parseInt("gradprop.tries", v),
          DEFAULT_TRIES,
          v -> v >= 1,
          ">= 1");
  static final Attribute<Double> EDGE_CASES =
      new Attribute<>(
          "edgeCases",
          "gradprop.edgeCases",
          a -> Double.isNaN(a.edgeCases()) ? null : a.edgeCases(),
          v -> parseDouble("gradprop.edgeCases", v),
          DEFAULT_EDGE_CASES,
          v -> v >= 0 && v <= 1,
          "in [0, 1]");
  static final Attribute<Long> SHRINK_MILLIS =
      new Attribute<>(
          "shrinkMillis",
          "gradprop.shrinkMillis",
          a -> a.shrinkMillis() == GradientProperty.NOT_SET_LONG ? null : a.shrinkMillis(),
          v -> parseLong("gradprop.shrinkMillis", v),
          DEFAULT_SHRINK_MILLIS,
          v -> v >= 0,
          ">= 0");
  static final Attribute<Double> SCALE =
      new Attribute<>(
          "scale",
          null,
          GradientProperty::scale,
          null,
          1.0,
          v -> v > 0 && v < INF,
          "> 0 and finite");
  static final Attribute<Double> STEP =
      new Attribute<>(
          "step",
          null,
          a -> Double.isNaN(a.step()) ? null : a.step(),
          null,
          null,
          v -> v > 0 && v < 1,
          "in (0, 1) (leave it out for the scheme's default)");
  static final Attribute<Double> ATOL =
      new Attribute<>(
          "atol",
          null,
          a -> Double.isNaN(a.atol()) ? null : a.atol(),
          null,
          CheckOptions.DEFAULT_ATOL,
          v -> v >= 0 && v < INF,
          ">= 0 and finite");
  static final Attribute<Double> RTOL =
      new Attribute<>(
          "rtol",
          null,
          a -> Double.isNaN(a.rtol()) ? null : a.rtol(),
          null,
          CheckOptions.DEFAULT_RTOL,
          v -> v >= 0 && v < INF,
          ">= 0 and finite");
  static final Attribute<Long> SEED =
      new Attribute<>(
          "seed",
          null,
          a -> a.seed() == GradientProperty.NOT_SET_LONG ? null : a.seed(),
          null,
          null,
          v -> v >= 0,
          ">= 0 (printed seeds are never negative)");

  static final Attribute<Long> CALL_MILLIS =
      new Attribute<>(
          "callMillis",
          "gradprop.callMillis",
          a -> a.callMillis() == GradientProperty.NOT_SET_LONG ? null : a.callMillis(),
          v -> parseLong("gradprop.callMillis", v),
          CheckOptions.DEFAULT_CALL_MILLIS,
          v -> v >= 1,
          ">= 1");
  static final Attribute<Long> PROPERTY_MILLIS =
      new Attribute<>(
          "propertyMillis",
          "gradprop.propertyMillis",
          a -> a.propertyMillis() == GradientProperty.NOT_SET_LONG ? null : a.propertyMillis(),
          v -> parseLong("gradprop.propertyMillis", v),
          DEFAULT_PROPERTY_MILLIS,
          v -> v >= 1,
          ">= 1");
  static final Attribute<Long> MAX_LOSS_CALLS =
      new Attribute<>(
          "maxLossCalls",
          "gradprop.maxLossCalls",
          a -> a.maxLossCalls() == GradientProperty.NOT_SET_LONG ? null : a.maxLossCalls(),
          v -> parseLong("gradprop.maxLossCalls", v),
          CheckOptions.DEFAULT_MAX_LOSS_CALLS,
          v -> v >= 1,
          ">= 1");

  static final Attribute<Long> PROGRESS_MILLIS =
      new Attribute<>(
          "progressMillis",
          "gradprop.progressMillis",
          a -> a.progressMillis() == GradientProperty.NOT_SET_LONG ? null : a.progressMillis(),
          v -> parseLong("gradprop.progressMillis", v),
          DEFAULT_PROGRESS_MILLIS,
          v -> v >= 1,
          ">= 1");

  /** Which outcomes get an HTML page: {@code failures}, {@code all} or {@code off}. */
  static final Attribute<String> REPORTS =
      new Attribute<>(
          "reports",
          "gradprop.reports",
          a -> a.reports().isEmpty() ? null : a.reports(),
          v -> v,
          ReportMode.FAILURES.toString(),
          v -> ReportMode.parse(v) != null,
          "in {failures, all, off}");

  static final Attribute<Integer> THREADS =
      new Attribute<>(
          "threads",
          "gradprop.threads",
          a -> a.threads() == GradientProperty.NOT_SET ? null : a.threads(),
          v -> parseInt("gradprop.threads", v),
          null,
          v -> v >= 1,
          ">= 1 (leave it out for one per available processor)");
  static final Attribute<Integer> DIRECTIONAL_ABOVE =
      new Attribute<>(
          "directionalAbove",
          "gradprop.directionalAbove",
          a -> a.directionalAbove() == GradientProperty.NOT_SET ? null : a.directionalAbove(),
          v -> parseInt("gradprop.directionalAbove", v),
          CheckOptions.DEFAULT_DIRECTIONAL_ABOVE,
          v -> v >= 0,
          ">= 0");

  /**
   * The table: every scalar attribute, resolved in this order. To add one, add a row here and read
   * it with {@link #get(Attribute)}.
   */
  static final List<Attribute<?>> TABLE =
      List.of(
          TRIES,
          SEED,
          EDGE_CASES,
          SHRINK_MILLIS,
          SCALE,
          STEP,
          ATOL,
          RTOL,
          CALL_MILLIS,
          PROPERTY_MILLIS,
          MAX_LOSS_CALLS,
          PROGRESS_MILLIS,
          REPORTS,
          THREADS,
          DIRECTIONAL_ABOVE);

  private PropertySettings(
      GradientProperty a,
      Map<Attribute<?>, Object> resolved,
      long seed,
      boolean seedGiven,
      Map<String, int[]> dimRanges,
      String classes,
      boolean replay,
      boolean progress,
      String reportsDir,
      boolean statistics) {
    this.resolved = resolved;
    this.progress = progress;
    this.tries = get(TRIES);
    this.seed = seed;
    this.seedGiven = seedGiven;
    this.dimRanges = dimRanges;
    this.values = a.values();
    this.scale = get(SCALE);
    this.targets = kindOf(a);
    this.targetsPinned = a.targets() != TargetKind.DEFAULT;
    this.classes = classes;
    this.edgeCases = get(EDGE_CASES);
    this.shrinkMillis = get(SHRINK_MILLIS);
    this.replay = replay;
    this.reports = ReportMode.parse(get(REPORTS));
    this.reportsDir = reportsDir;
    this.statistics = statistics;
    CheckOptions o =
        CheckOptions.defaults()
            .withScheme(a.scheme())
            .withKinkPolicy(a.kinks())
            .withLossPrecision(a.precision())
            .withAtol(get(ATOL))
            .withRtol(get(RTOL))
            .withCallMillis(get(CALL_MILLIS))
            // the property bounds the cost itself, in its own words (PropertyRunner)
            .withMaxLossCalls(Long.MAX_VALUE)
            .withDirectionalAbove(get(DIRECTIONAL_ABOVE));
    Integer threads = get(THREADS);
    o = threads == null ? o : o.withThreads(threads);
    Double step = get(STEP);
    this.options = step == null ? o : o.withStep(step);
  }

  /** The value {@code row} resolved to ({@code null} for a row without default, not written). */
  @SuppressWarnings("unchecked")
  <T> T get(Attribute<T> row) {
    return (T) resolved.get(row);
  }

  /** Every dimension at the top of its range: the largest case a try can draw. */
  Map<String, Integer> largestDims() {
    Map<String, Integer> dims = new LinkedHashMap<>();
    for (Map.Entry<String, int[]> e : dimRanges.entrySet()) {
      dims.put(e.getKey(), e.getValue()[1]);
    }
    return dims;
  }

  /** Whether {@code c}'s dimensions lie in the ranges (a stored case may predate them). */
  public boolean admits(io.github.gradprop.model.Case c) {
    for (Map.Entry<String, int[]> e : dimRanges.entrySet()) {
      int v = c.dim(e.getKey());
      if (v < e.getValue()[0] || v > e.getValue()[1]) {
        return false;
      }
    }
    return true;
  }

  /** Resolves {@code a} against {@code config} (configuration parameters) for {@code spec}. */
  public static PropertySettings resolve(
      GradientProperty a,
      Function<String, Optional<String>> config,
      ModelSpec spec,
      long freshSeed) {
    spec.requireCheckable();
    Map<Attribute<?>, Object> resolved = new HashMap<>();
    for (Attribute<?> row : TABLE) {
      resolved.put(row, row.resolve(a, config));
    }
    Optional<String> seedParam = config.apply("gradprop.seed");
    boolean seedGiven = seedParam.isPresent();
    Long written = (Long) resolved.get(SEED);
    long seed;
    if (seedGiven) {
      seed = parseLong("gradprop.seed", seedParam.get());
      if (seed < 0) {
        throw new PropertyConfigurationException(
            String.format(
                "Configuration parameter `gradprop.seed` must be >= 0 (printed seeds are never"
                    + " negative), but was \"%s\".",
                seedParam.get()));
      }
    } else {
      seed = written != null ? written : freshSeed;
    }
    Map<String, int[]> ranges = resolveDims(a, spec);
    String classes = resolveTargets(a, spec, ranges.keySet());
    checkTargetRank(kindOf(a), spec, ranges);
    return new PropertySettings(
        a,
        resolved,
        seed,
        seedGiven,
        ranges,
        classes,
        resolveFlag(config, "gradprop.replay"),
        resolveFlag(config, "gradprop.progress"),
        resolveReportsDir(config),
        resolveFlag(config, "gradprop.statistics"));
  }

  private static Map<String, int[]> resolveDims(GradientProperty a, ModelSpec spec) {
    Map<String, int[]> ranges = new LinkedHashMap<>();
    for (String d : spec.dims()) {
      ranges.put(d, new int[] {DEFAULT_DIM_MIN, DEFAULT_DIM_MAX});
    }
    Set<String> named = new HashSet<>();
    for (String text : a.dims()) {
      String name = parseDim(text, ranges, spec);
      if (!named.add(name)) {
        throw new PropertyConfigurationException(
            String.format(
                "@GradientProperty `dims` gives dimension `%s` twice; give each dimension once.",
                name));
      }
    }
    return ranges;
  }

  /** The target kind written, or {@code ONE_HOT} for {@link TargetKind#DEFAULT} (not written). */
  static TargetKind kindOf(GradientProperty a) {
    return a.targets() == TargetKind.DEFAULT ? TargetKind.ONE_HOT : a.targets();
  }

  /** Checks that {@code targets} (and {@code classes}) fit the spec; returns {@code classes}. */
  private static String resolveTargets(GradientProperty a, ModelSpec spec, Set<String> dims) {
    String classes = a.classes().trim();
    TensorSpec targetSpec = spec.targetsOrNull();
    TargetKind kind = kindOf(a);
    if (kind == TargetKind.ONE_HOT
        && targetSpec != null
        && targetSpec.rank() == 1
        && spec.inputs().rank() > 1
        && targetSpec.axis(0).equals(spec.inputs().axis(0))) {
      throw new PropertyConfigurationException(
          String.format(
              "@GradientProperty(targets = ONE_HOT), the default, puts one 1 along the last axis of"
                  + " the targets, but model `%s` declares targets(\"%s\"): one value per"
                  + " example. Use targets = TargetKind.CLASS_INDEX with classes = \"...\" for"
                  + " class labels, or TargetKind.REAL / BINARY / PROBABILITY.",
              spec.name(), targetSpec.axis(0)));
    }
    if (kind == TargetKind.CLASS_INDEX) {
      if (classes.isEmpty()) {
        throw new PropertyConfigurationException(
            "@GradientProperty(targets = CLASS_INDEX) requires `classes`, the dimension that counts"
                + " the classes, e.g. classes = \"out\".");
      }
      if (!dims.contains(classes)) {
        throw new PropertyConfigurationException(
            String.format(
                "@GradientProperty `classes` names dimension `%s`, but model `%s` has only %s.",
                classes, spec.name(), spec.dims()));
      }
    } else if (!classes.isEmpty()) {
      throw new PropertyConfigurationException(
          String.format(
              "@GradientProperty `classes` (\"%s\") is only used with targets = CLASS_INDEX, but"
                  + " targets was %s.",
              classes, kind));
    }
    return classes;
  }

  /**
   * A target kind that cannot fit the targets' shape is a configuration error naming the kinds that
   * fit: class labels need one value per example, one-hot rows need more than one class.
   */
  private static void checkTargetRank(TargetKind kind, ModelSpec spec, Map<String, int[]> ranges) {
    TensorSpec t = spec.targetsOrNull();
    if (t == null) {
      return;
    }
    if (kind == TargetKind.CLASS_INDEX && t.rank() != 1) {
      throw new PropertyConfigurationException(
          String.format(
              "@GradientProperty(targets = CLASS_INDEX) draws one class label per example, so it"
                  + " needs rank-1 targets such as targets(\"batch\"), but model `%s` declares"
                  + " targets%s (rank %d). For rows of class scores use ONE_HOT or PROBABILITY;"
                  + " for real-valued targets REAL or BINARY.",
              spec.name(), axesText(t), t.rank()));
    }
    if (kind == TargetKind.ONE_HOT && t.rank() >= 2) {
      String last = t.axis(t.rank() - 1).trim();
      int[] range = ranges.get(last);
      boolean alwaysOne = last.equals("1") || (range != null && range[1] == 1);
      if (alwaysOne) {
        throw new PropertyConfigurationException(
            String.format(
                "@GradientProperty(targets = ONE_HOT), the default, puts one 1 along the last axis of the"
                    + " targets, but in model `%s`'s targets%s that axis (`%s`) is always 1, so"
                    + " every target would be 1.0 and the loss would not depend on them. Use"
                    + " targets = TargetKind.BINARY (0/1 labels), REAL or PROBABILITY, or"
                    + " CLASS_INDEX with rank-1 targets.",
                spec.name(), axesText(t), last));
      }
    }
  }

  private static String axesText(TensorSpec t) {
    StringBuilder sb = new StringBuilder("(");
    for (int k = 0; k < t.rank(); k++) {
      sb.append(k == 0 ? "" : ", ").append('"').append(t.axis(k)).append('"');
    }
    return sb.append(')').toString();
  }

  /** {@code gradprop.reports.dir}, a configuration parameter only; null when not given. */
  private static String resolveReportsDir(Function<String, Optional<String>> config) {
    Optional<String> v = config.apply("gradprop.reports.dir");
    if (v.isPresent() && v.get().isBlank()) {
      throw new PropertyConfigurationException(
          "Configuration parameter `gradprop.reports.dir` must name a directory, but was blank.");
    }
    return v.map(String::trim).orElse(null);
  }

  /** A true/false configuration parameter, true when not given. */
  private static boolean resolveFlag(Function<String, Optional<String>> config, String key) {
    Optional<String> v = config.apply(key);
    if (v.isEmpty()) {
      return true;
    }
    String t = v.get().trim();
    if (!t.equalsIgnoreCase("true") && !t.equalsIgnoreCase("false")) {
      throw new PropertyConfigurationException(
          String.format(
              "Configuration parameter `%s` must be true or false, but was \"%s\".", key, v.get()));
    }
    return t.equalsIgnoreCase("true");
  }

  private static String parseDim(String text, Map<String, int[]> ranges, ModelSpec spec) {
    String t = text == null ? "" : text.trim();
    int eq = t.indexOf('=');
    if (eq < 0) {
      throw new PropertyConfigurationException(
          String.format(
              "@GradientProperty `dims` entries look like \"hidden = 1..8\" or \"in = 3\", but one"
                  + " was \"%s\".",
              text));
    }
    String name = t.substring(0, eq).trim();
    String range = t.substring(eq + 1).trim();
    if (!ranges.containsKey(name)) {
      throw new PropertyConfigurationException(
          String.format(
              "@GradientProperty `dims` names dimension `%s` (in \"%s\"), but model `%s` has only"
                  + " %s.",
              name, text, spec.name(), spec.dims()));
    }
    int min;
    int max;
    try {
      int dots = range.indexOf("..");
      if (dots >= 0) {
        min = Integer.parseInt(range.substring(0, dots).trim());
        max = Integer.parseInt(range.substring(dots + 2).trim());
      } else {
        min = Integer.parseInt(range);
        max = min;
      }
    } catch (NumberFormatException e) {
      throw new PropertyConfigurationException(
          String.format(
              "@GradientProperty `dims` range for `%s` must be \"min..max\" or one integer, but was"
                  + " \"%s\".",
              name, range));
    }
    if (min < 1) {
      throw new PropertyConfigurationException(
          String.format(
              "@GradientProperty `dims` requires `%s` >= 1, but the range was \"%s\".",
              name, range));
    }
    if (min > max) {
      throw new PropertyConfigurationException(
          String.format(
              "@GradientProperty `dims` range for `%s` has min > max: \"%s\".", name, range));
    }
    ranges.put(name, new int[] {min, max});
    return name;
  }

  private static int parseInt(String key, String v) {
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw new PropertyConfigurationException(
          String.format(
              "Configuration parameter `%s` must be an integer, but was \"%s\".", key, v));
    }
  }

  private static double parseDouble(String key, String v) {
    try {
      return Double.parseDouble(v.trim());
    } catch (NumberFormatException e) {
      throw new PropertyConfigurationException(
          String.format("Configuration parameter `%s` must be a number, but was \"%s\".", key, v));
    }
  }

  private static long parseLong(String key, String v) {
    try {
      return Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      throw new PropertyConfigurationException(
          String.format(
              "Configuration parameter `%s` must be an integer, but was \"%s\".", key, v));
    }
  }
}
