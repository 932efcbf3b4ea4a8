package io.github.gradprop.testmodels;

import io.github.gradprop.model.Case;
import io.github.gradprop.model.Parameters;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

/**
 * How far the reference MLP's ReLU kinks are from a case, measured in finite-difference steps.
 *
 * <p>Moving {@code w1[j][i]} by {@code s} steps of size {@code c * max(1, |w1[j][i]|)} moves the
 * pre-activation {@code z[n][j]} by {@code s * c * max(1, |w1[j][i]|) * |x[n][i]|}; moving {@code
 * b1[j]} moves it by {@code s * c * max(1, |b1[j]|)}; {@code w2} and {@code b2} do not move it. A
 * stencil that reaches {@code s} steps out can cross a kink only if some {@code |z[n][j]|} is below
 * that shift. The kink handling of ReLU models is another issue's topic; tests of the smooth
 * behaviour use cases clear of kinks.
 */
public final class Kinks {

  private Kinks() {}

  /** The smallest number of steps (relative step {@code c}) after which some ReLU can flip. */
  public static double marginInSteps(Case aCase, double c) {
    Parameters p = aCase.parameters();
    double[][] w1 = p.matrix("w1");
    double[] b1 = p.vector("b1");
    double[][] x = aCase.batch().inputs();
    double margin = Double.POSITIVE_INFINITY;
    for (double[] row : x) {
      for (int j = 0; j < w1.length; j++) {
        double z = b1[j];
        double shiftPerStep = c * Math.max(1, Math.abs(b1[j]));
        for (int i = 0; i < row.length; i++) {
          z += w1[j][i] * row[i];
          shiftPerStep =
              Math.max(shiftPerStep, c * Math.max(1, Math.abs(w1[j][i])) * Math.abs(row[i]));
        }
        margin = Math.min(margin, Math.abs(z) / shiftPerStep);
      }
    }
    return margin;
  }

  /**
   * The first {@code count} seeds of {@link ReferenceMlp#referenceCase} whose kinks are at least
   * {@code 2 * reach} steps away (a factor 2 to spare).
   */
  public static long[] seedsClearOfKinks(int count, double c, int reach) {
    List<Long> seeds = new ArrayList<>();
    for (long seed = 1; seeds.size() < count && seed < 10_000; seed++) {
      if (marginInSteps(ReferenceMlp.referenceCase(seed), c) > 2 * reach) {
        seeds.add(seed);
      }
    }
    return seeds.stream().mapToLong(Long::longValue).toArray();
  }

  /** Seeds 1 .. count. */
  public static long[] firstSeeds(int count) {
    return LongStream.rangeClosed(1, count).toArray();
  }
}
