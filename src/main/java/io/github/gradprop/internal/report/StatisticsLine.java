package io.github.gradprop.internal.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Locale;
import org.apiguardian.api.API;

/**
 * The one line a passing property prints to the test's standard output, where Surefire keeps it per
 * test case, e.g. {@code [gradprop] reluSoftmax: 100 tries (12 with edge values, 3 with kinks, 0
 * kink artifacts), largest relative error 3.1e-09, 41,200 loss calls, 1.8 s}.
 */
@API(status = INTERNAL, since = "0.1")
public final class StatisticsLine {

  private StatisticsLine() {}

  /**
   * The line's facts.
   *
   * @param property the property method's name
   * @param tries the tries that were checked
   * @param edgeTries how many of them mixed in edge values
   * @param triesWithKinks how many of them hit kinks
   * @param kinkArtifacts mismatches that did not persist at a nearby generic point
   * @param drawnAgain cases rejected for kinks or inconclusive, drawn again
   * @param alongDirections how many tries were checked along random directions
   * @param largestRelativeError over the agreeing entries beyond {@code atol}
   * @param lossCalls loss calls over all tries
   * @param millis wall time of the property
   */
  public record Facts(
      String property,
      int tries,
      int edgeTries,
      int triesWithKinks,
      long kinkArtifacts,
      int drawnAgain,
      int alongDirections,
      double largestRelativeError,
      long lossCalls,
      long millis) {}

  /** The line, without a line separator. */
  public static String format(Facts f) {
    String again = f.drawnAgain() == 0 ? "" : String.format(", %d drawn again", f.drawnAgain());
    if (f.alongDirections() > 0) {
      again += String.format(", %d along random directions", f.alongDirections());
    }
    return String.format(
        Locale.ROOT,
        "[gradprop] %s: %d %s (%d with edge values, %d with kinks, %d kink %s%s), largest relative"
            + " error %s, %,d loss calls, %.1f s",
        f.property(),
        f.tries(),
        f.tries() == 1 ? "try" : "tries",
        f.edgeTries(),
        f.triesWithKinks(),
        f.kinkArtifacts(),
        f.kinkArtifacts() == 1 ? "artifact" : "artifacts",
        again,
        f.largestRelativeError() == 0 ? "0" : Numbers.small(f.largestRelativeError()),
        f.lossCalls(),
        f.millis() / 1000.0);
  }
}
