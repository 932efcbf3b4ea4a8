package io.github.gradprop.internal.engine;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.github.gradprop.CheckOptions;
import io.github.gradprop.GradientProperty;
import io.github.gradprop.PropertyConfigurationException;
import io.github.gradprop.TargetKind;
import io.github.gradprop.ValueDistribution;
import io.github.gradprop.model.ModelSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
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

  /** Under {@code KinkPolicy.AVOID}, how many rejected cases per try are tolerated. */
  public static final int MAX_REJECTIONS_PER_TRY = 10;

  final int tries;
  final long seed;

  /** Whether {@code gradprop.seed} was given: the user asks for that seed, not for a replay. */
  final boolean seedGiven;

  final Map<String, int[]> dimRanges;
  final ValueDistribution values;
  final double scale;
  final TargetKind targets;
  final String classes;
  final double edgeCases;
  final CheckOptions options;
  final long shrinkMillis;
  final boolean replay;

  private PropertySettings(
      int tries,
      long seed,
      boolean seedGiven,
      Map<String, int[]> dimRanges,
      ValueDistribution values,
      double scale,
      TargetKind targets,
      String classes,
      double edgeCases,
      CheckOptions options,
      long shrinkMillis,
      boolean replay) {
    this.tries = tries;
    this.seed = seed;
    this.seedGiven = seedGiven;
    this.dimRanges = dimRanges;
    this.values = values;
    this.scale = scale;
    this.targets = targets;
    this.classes = classes;
    this.edgeCases = edgeCases;
    this.options = options;
    this.shrinkMillis = shrinkMillis;
    this.replay = replay;
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
    int tries =
        a.tries() != -1 ? a.tries() : (int) longParam(config, "gradprop.tries", DEFAULT_TRIES);
    if (tries < 1) {
      throw error("`tries` >= 1", String.valueOf(tries));
    }
    Optional<String> seedParam = config.apply("gradprop.seed");
    long seed;
    boolean seedGiven;
    if (seedParam.isPresent()) {
      seed = parseLong("gradprop.seed", seedParam.get());
      seedGiven = true;
    } else if (a.seed() != 0) {
      seed = a.seed();
      seedGiven = false;
    } else {
      seed = freshSeed == 0 ? 1 : freshSeed;
      seedGiven = false;
    }

    Map<String, int[]> ranges = new LinkedHashMap<>();
    for (String d : spec.dims()) {
      ranges.put(d, new int[] {DEFAULT_DIM_MIN, DEFAULT_DIM_MAX});
    }
    java.util.Set<String> named = new java.util.HashSet<>();
    for (String text : a.dims()) {
      String name = parseDim(text, ranges, spec);
      if (!named.add(name)) {
        throw new PropertyConfigurationException(
            String.format(
                "@GradientProperty `dims` gives dimension `%s` twice; give each dimension once.",
                name));
      }
    }

    String classes = a.classes().trim();
    io.github.gradprop.model.TensorSpec targetSpec = spec.targetsOrNull();
    if (a.targets() == TargetKind.ONE_HOT
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
    if (a.targets() == TargetKind.CLASS_INDEX) {
      if (classes.isEmpty()) {
        throw new PropertyConfigurationException(
            "@GradientProperty(targets = CLASS_INDEX) requires `classes`, the dimension that counts"
                + " the classes, e.g. classes = \"out\".");
      }
      if (!ranges.containsKey(classes)) {
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
              classes, a.targets()));
    }
    if (!(a.scale() > 0) || Double.isInfinite(a.scale())) {
      throw error("`scale` > 0", String.valueOf(a.scale()));
    }
    double edge =
        a.edgeCases() != -1
            ? a.edgeCases()
            : doubleParam(config, "gradprop.edgeCases", DEFAULT_EDGE_CASES);
    if (!(edge >= 0 && edge <= 1)) {
      throw error("`edgeCases` in [0, 1]", String.valueOf(edge));
    }

    CheckOptions options =
        CheckOptions.defaults()
            .withScheme(a.scheme())
            .withKinkPolicy(a.kinks())
            .withLossPrecision(a.precision());
    if (a.step() != 0) {
      if (!(a.step() > 0 && a.step() < 1)) {
        throw error("`step` in (0, 1) (or 0 for the scheme's default)", String.valueOf(a.step()));
      }
      options = options.withStep(a.step());
    }
    if (a.atol() != -1) {
      if (!(a.atol() >= 0) || Double.isInfinite(a.atol())) {
        throw error("`atol` >= 0", String.valueOf(a.atol()));
      }
      options = options.withAtol(a.atol());
    }
    if (a.rtol() != -1) {
      if (!(a.rtol() >= 0) || Double.isInfinite(a.rtol())) {
        throw error("`rtol` >= 0", String.valueOf(a.rtol()));
      }
      options = options.withRtol(a.rtol());
    }
    long shrink =
        a.shrinkMillis() != -1
            ? a.shrinkMillis()
            : longParam(config, "gradprop.shrinkMillis", DEFAULT_SHRINK_MILLIS);
    if (shrink < 0) {
      throw error("`shrinkMillis` >= 0", String.valueOf(shrink));
    }
    boolean replay =
        config
            .apply("gradprop.replay")
            .map(
                v -> {
                  String t = v.trim();
                  if (!t.equalsIgnoreCase("true") && !t.equalsIgnoreCase("false")) {
                    throw new PropertyConfigurationException(
                        String.format(
                            "Configuration parameter `gradprop.replay` must be true or false, but"
                                + " was \"%s\".",
                            v));
                  }
                  return t.equalsIgnoreCase("true");
                })
            .orElse(true);
    return new PropertySettings(
        tries,
        seed,
        seedGiven,
        ranges,
        a.values(),
        a.scale(),
        a.targets(),
        classes,
        edge,
        options,
        shrink,
        replay);
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

  private static PropertyConfigurationException error(String requirement, String value) {
    return new PropertyConfigurationException(
        String.format("@GradientProperty requires %s, but was %s.", requirement, value));
  }

  private static long longParam(
      Function<String, Optional<String>> config, String key, long fallback) {
    return config.apply(key).map(v -> parseLong(key, v)).orElse(fallback);
  }

  private static double doubleParam(
      Function<String, Optional<String>> config, String key, double fallback) {
    return config
        .apply(key)
        .map(
            v -> {
              try {
                return Double.parseDouble(v.trim());
              } catch (NumberFormatException e) {
                throw new PropertyConfigurationException(
                    String.format(
                        "Configuration parameter `%s` must be a number, but was \"%s\".", key, v));
              }
            })
        .orElse(fallback);
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
