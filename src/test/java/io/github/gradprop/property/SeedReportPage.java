package io.github.gradprop.property;

import java.nio.file.Path;
import java.util.Map;

/**
 * Writes the HTML page of the seed example's failing property (the question's ReLU network with the
 * sigmoid shortcut in its cross-entropy backward) for {@code .ci/browser-check}: {@code java -cp
 * ... io.github.gradprop.property.SeedReportPage DIR [SEED]} prints the page's path.
 */
public final class SeedReportPage {

  private SeedReportPage() {}

  public static void main(String[] args) {
    Path dir = Path.of(args.length > 0 ? args[0] : "target/gradprop-reports");
    String seed = args.length > 1 ? args[1] : "42";
    Throwable failure =
        PropertyFixtures.onlyFailure(
            PropertyFixtures.run(
                SeedNetworkTestCases.ReluCrossEntropy.class,
                Map.of(
                    "gradprop.seed",
                    seed,
                    "gradprop.reports.dir",
                    dir.toString(),
                    "gradprop.shrinkMillis",
                    "600000")));
    String line =
        failure
            .getMessage()
            .lines()
            .filter(l -> l.startsWith("html "))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no html line in:\n" + failure.getMessage()));
    String path = line.substring(line.indexOf(':') + 1).trim();
    System.out.println(path.substring(0, path.indexOf(' ')));
  }
}
