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

  private final ModelSpec spec;
  private final Map<String, int[]> ranges;
  private final ValueDistribution values;
  private final double scale;
  private final TargetKind targets;
  private final double edgeCases;
  private final String classes;

  /** A generator; {@code classes} names the dimension that counts {@code CLASS_INDEX} labels. */
  public CaseGenerator(
      ModelSpec spec,
      Map<String, int[]> ranges,
      ValueDistribution values,
      double scale,
      TargetKind targets,
      double edgeCases,
      String classes) {
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
      fillTargets(c, c.batch().targetTensor(), random, edge);
    }
    if (isRelational(seed)) {
      // a stream of its own, so the values drawn above are those of the same seed without it
      SplittableRandom relational = new SplittableRandom(seed ^ RELATIONAL_SALT);
      Relations.apply(c, Relations.pick(relational), relational, scale);
    }
    return c;
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

  private void fillTargets(Case c, Tensor t, SplittableRandom random, boolean edge) {
    switch (targets) {
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
      case REAL:
        fill(t, random, scale, edge);
        break;
      default:
        throw new IllegalStateException(String.valueOf(targets));
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
