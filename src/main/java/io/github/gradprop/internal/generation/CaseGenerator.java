package io.github.gradprop.internal.generation;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.github.gradprop.PropertyConfigurationException;
import io.github.gradprop.TargetKind;
import io.github.gradprop.ValueDistribution;
import io.github.gradprop.internal.report.PropertyMessages;
import io.github.gradprop.model.Case;
import io.github.gradprop.model.ModelSpec;
import io.github.gradprop.model.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.apiguardian.api.API;

/**
 * Draws one case from one seed: dimensions first, then every parameter tensor, the inputs, and the
 * targets. A share of cases mixes in edge values (exact zeros, ties, +-1, +-0.5), where
 * hand-written backprop tends to break; an independent share builds relations between entries on
 * purpose (tied slices, twin tensors, zero slices, grid values; see {@link Relations}).
 */
@API(status = INTERNAL, since = "0.1")
public final class CaseGenerator {

  private static final double[] EDGE_VALUES = {0.0, 1.0, -1.0, 0.5, -0.5};
  private static final double EDGE_ENTRY_SHARE = 0.3;
  private static final int MAX_DIM_DRAWS = 100;
  private static final long RELATIONAL_SALT = 0x2545F4914F6CDD1DL;
  private static final double[] KINKY_VALUES = {0.0, 1.0, -1.0, 0.5, -0.5, 2.0};
  private static final double[] GRID_VALUES = {-1.0, 0.0, 1.0};
  private static final long TARGETS_SALT = 0x9E3779B97F4A7C15L;

  /** The share of tries that draw the more general target kind when the kind was not written. */
  public static final double GENERAL_TARGETS_SHARE = 0.25;

  private final ModelSpec spec;
  private final Map<String, int[]> ranges;
  private final ValueDistribution values;
  private final double scale;
  private final TargetKind targets;
  private final double edgeCases;
  private final String classes;
  private final boolean targetsPinned;

  /** A generator whose target kind is pinned: every try draws {@code targets}. */
  public CaseGenerator(
      ModelSpec spec,
      Map<String, int[]> ranges,
      ValueDistribution values,
      double scale,
      TargetKind targets,
      double edgeCases,
      String classes) {
    this(spec, ranges, values, scale, targets, edgeCases, classes, true);
  }

  /**
   * A generator; {@code classes} names the dimension that counts {@code CLASS_INDEX} labels. When
   * {@code targetsPinned} is false, a share of tries draws the more general kind ({@link
   * #targetsOf}).
   */
  public CaseGenerator(
      ModelSpec spec,
      Map<String, int[]> ranges,
      ValueDistribution values,
      double scale,
      TargetKind targets,
      double edgeCases,
      String classes,
      boolean targetsPinned) {
    this.targetsPinned = targetsPinned;
    this.spec = spec;
    this.ranges = ranges;
    this.values = values;
    this.scale = scale;
    this.targets = targets;
    this.edgeCases = edgeCases;
    this.classes = classes;
  }

  /** The case for {@code seed}; the same seed always gives the same case. */
  public Case generate(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Case c = Case.zeros(spec, drawDims(random));
    boolean edge = isEdgeCase(seed);
    for (Tensor t : c.parameters().tensors()) {
      double sd =
          values == ValueDistribution.NORMAL_FAN_IN ? scale / Math.sqrt(lastAxis(t)) : scale;
      fill(t, random, sd, edge);
    }
    fill(c.batch().inputTensor(), random, scale, edge);
    for (Tensor d : c.batch().dataTensors()) {
      fill(d, random, scale, edge);
    }
    if (c.batch().hasTargets()) {
      TargetKind kind = targetsOf(seed, targets, targetsPinned);
      fillTargets(kind, c, c.batch().targetTensor(), random, edge);
    }
    if (isRelational(seed)) {
      // a stream of its own, so the values drawn above are those of the same seed without it
      SplittableRandom relational = new SplittableRandom(seed ^ RELATIONAL_SALT);
      Relations.apply(c, Relations.pick(relational), relational, scale);
    }
    return c;
  }

  /**
   * The target kind the try of {@code seed} draws. A pinned kind is used on every try; otherwise a
   * share {@link #GENERAL_TARGETS_SHARE} of tries, decided by a stream of its own (so the other
   * values of a seed do not change and a seed replays to the same case), draws the kind that
   * generalises {@code kind}: {@code DISTRIBUTION} rows for {@code ONE_HOT}, {@code PROBABILITY}
   * entries for {@code BINARY}. Other kinds have no more general kind that fits the same losses.
   */
  public static TargetKind targetsOf(long seed, TargetKind kind, boolean pinned) {
    TargetKind general = generalOf(kind);
    if (pinned || general == null) {
      return kind;
    }
    boolean draw = new SplittableRandom(seed ^ TARGETS_SALT).nextDouble() < GENERAL_TARGETS_SHARE;
    return draw ? general : kind;
  }

  /** The kind whose values include every value of {@code kind} and fit the same losses, or null. */
  static TargetKind generalOf(TargetKind kind) {
    switch (kind) {
      case ONE_HOT:
        return TargetKind.DISTRIBUTION;
      case BINARY:
        return TargetKind.PROBABILITY;
      default:
        return null;
    }
  }

  /** The target kind the try of {@code seed} draws with this generator's settings. */
  public TargetKind targetsOf(long seed) {
    return targetsOf(seed, targets, targetsPinned);
  }

  /**
   * Whether the case of {@code seed} builds ties and kinks on purpose ({@link Relations}): a share
   * {@code edgeCases} of tries, decided apart from the value stream and from {@link #isEdgeCase}.
   */
  public boolean isRelational(long seed) {
    return new SplittableRandom(seed ^ RELATIONAL_SALT).nextDouble() < edgeCases;
  }

  /** Whether the case of {@code seed} mixes in edge values; decided apart from the value stream. */
  public boolean isEdgeCase(long seed) {
    double u = new SplittableRandom(seed ^ 0x5DEECE66DL).nextDouble();
    return u < edgeCases;
  }

  private Map<String, Integer> drawDims(SplittableRandom random) {
    IllegalArgumentException last = null;
    for (int attempt = 0; attempt < MAX_DIM_DRAWS; attempt++) {
      Map<String, Integer> dims = new LinkedHashMap<>();
      for (Map.Entry<String, int[]> e : ranges.entrySet()) {
        int[] r = e.getValue();
        dims.put(e.getKey(), r[0] + random.nextInt(r[1] - r[0] + 1));
      }
      try {
        spec.validate(dims);
        return dims;
      } catch (IllegalArgumentException e) {
        last = e;
      }
    }
    throw new PropertyConfigurationException(
        PropertyMessages.noValidShapes(spec.name(), MAX_DIM_DRAWS, last.getMessage()));
  }

  private void fill(Tensor t, SplittableRandom random, double sd, boolean edge) {
    for (int i = 0; i < t.size(); i++) {
      double v = draw(t, i, random, sd);
      if (edge && random.nextDouble() < EDGE_ENTRY_SHARE) {
        int pick = random.nextInt(EDGE_VALUES.length + 1);
        v = pick < EDGE_VALUES.length ? EDGE_VALUES[pick] * scale : (i > 0 ? t.get(i - 1) : 0.0);
      }
      t.set(i, v);
    }
  }

  private double draw(Tensor t, int i, SplittableRandom random, double sd) {
    switch (values) {
      case NORMAL_FAN_IN:
        return sd * gaussian(random);
      case GRID:
        return GRID_VALUES[random.nextInt(GRID_VALUES.length)] * sd;
      case KINK_BIASED:
        {
          double u = random.nextDouble();
          if (u < 0.35) {
            return KINKY_VALUES[random.nextInt(KINKY_VALUES.length)] * sd;
          }
          if (u < 0.55 && i > 0) {
            return t.get(random.nextInt(i)) * (random.nextBoolean() ? 1 : -1);
          }
          return sd * (2 * random.nextDouble() - 1);
        }
      default:
        return sd * (2 * random.nextDouble() - 1);
    }
  }

  private void fillTargets(
      TargetKind kind, Case c, Tensor t, SplittableRandom random, boolean edge) {
    switch (kind) {
      case CLASS_INDEX:
        {
          int n = c.dim(classes);
          for (int i = 0; i < t.size(); i++) {
            t.set(i, random.nextInt(n));
          }
          break;
        }
      case ONE_HOT:
        {
          int classes = lastAxis(t);
          for (int row = 0; row < t.size() / classes; row++) {
            t.set(row * classes + random.nextInt(classes), 1.0);
          }
          break;
        }
      case BINARY:
        for (int i = 0; i < t.size(); i++) {
          t.set(i, random.nextBoolean() ? 1.0 : 0.0);
        }
        break;
      case PROBABILITY:
        for (int i = 0; i < t.size(); i++) {
          double v = random.nextDouble();
          if (edge && random.nextDouble() < EDGE_ENTRY_SHARE) {
            v = EDGE_VALUES[random.nextInt(2)] == 0 ? 0.0 : (random.nextBoolean() ? 1.0 : 0.5);
          }
          t.set(i, v);
        }
        break;
      case DISTRIBUTION:
        fillDistributions(t, random, edge);
        break;
      case REAL:
        fill(t, random, scale, edge);
        break;
      default:
        throw new IllegalStateException(String.valueOf(kind));
    }
  }

  /**
   * Each row along the last axis: weights in [0, 1) (some exact zeros in edge cases), normalised.
   */
  private static void fillDistributions(Tensor t, SplittableRandom random, boolean edge) {
    int classes = lastAxis(t);
    for (int row = 0; row < t.size() / classes; row++) {
      double sum = 0;
      for (int j = 0; j < classes; j++) {
        double w = random.nextDouble();
        if (edge && random.nextDouble() < EDGE_ENTRY_SHARE) {
          w = 0.0;
        }
        t.set(row * classes + j, w);
        sum += w;
      }
      for (int j = 0; j < classes; j++) {
        int i = row * classes + j;
        t.set(i, sum == 0 ? (j == 0 ? 1.0 : 0.0) : t.get(i) / sum);
      }
    }
  }

  /** The length of the last axis; 1 for a scalar (rank 0), which is one class and fan-in 1. */
  private static int lastAxis(Tensor t) {
    return t.rank() == 0 ? 1 : t.shape(t.rank() - 1);
  }

  private static double gaussian(SplittableRandom random) {
    // Box-Muller; SplittableRandom has no nextGaussian on Java 17.
    double u1 = 1.0 - random.nextDouble();
    double u2 = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }
}
