package io.github.gradprop.bench;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Runs the property fixtures of the zoo, the hard zoo, the tie search, the tanh MLP and the seed
 * network twice per seed, through the JUnit engine: as they are (entry by entry at their sizes) and
 * with every try along random directions ({@code gradprop.directionalAbove = 0}; shrink candidates
 * of up to 2,000 parameters still get the full check). Prints each property whose outcome (passed
 * or failed, the exception type and the shrunk case's shape line) differs between the two, and a
 * count. The models and their planted bugs were written for the full check, not for this mode.
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat cp.txt) io.github.gradprop.bench.DirectionalAgreementBenchmark [seeds]
 * </pre>
 */
public final class DirectionalAgreementBenchmark {

  private static final List<String> FIXTURES =
      List.of(
          "io.github.gradprop.property.ZooTestCases",
          "io.github.gradprop.property.HardZooTestCases",
          "io.github.gradprop.kinks.TieSearchTestCases",
          "io.github.gradprop.property.TanhMlpTestCases",
          "io.github.gradprop.property.SeedNetworkTestCases");

  private DirectionalAgreementBenchmark() {}

  public static void main(String[] args) throws ClassNotFoundException {
    int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    int runs = 0;
    int differ = 0;
    int foundAlongDirections = 0;
    for (String name : FIXTURES) {
      Class<?> outer = Class.forName(name);
      List<Class<?>> fixtures = new ArrayList<>(List.of(outer.getDeclaredClasses()));
      fixtures.add(outer);
      for (Class<?> fixture : fixtures) {
        for (int seed = 1; seed <= seeds; seed++) {
          Map<String, String> full = outcomes(fixture, seed, false);
          Map<String, String> along = outcomes(fixture, seed, true);
          for (Map.Entry<String, String> e : full.entrySet()) {
            runs++;
            String a = along.getOrDefault(e.getKey(), "not run");
            if (a.endsWith(FOUND)) {
              foundAlongDirections++;
              a = a.substring(0, a.length() - FOUND.length());
            }
            if (!a.equals(e.getValue())) {
              differ++;
              System.out.printf(
                  "differs, seed %d, %s:%n  entry by entry   : %s%n  along directions : %s%n",
                  seed, e.getKey(), e.getValue(), a);
            }
          }
        }
      }
    }
    System.out.printf(
        "%d property runs compared (%d seeds each), %d differ; %d failures found along random"
            + " directions%n",
        runs, seeds, differ, foundAlongDirections);
  }

  private static final String FOUND = " (found along random directions)";

  /** Each property's outcome: status, exception type and shape line. */
  private static Map<String, String> outcomes(Class<?> fixture, int seed, boolean directional) {
    EngineTestKit.Builder b =
        EngineTestKit.engine("junit-jupiter")
            .selectors(selectClass(fixture))
            .configurationParameter("gradprop.replay", "false")
            .configurationParameter("gradprop.statistics", "false")
            .configurationParameter("gradprop.progress", "false")
            .configurationParameter("gradprop.reports", "off")
            .configurationParameter("gradprop.seed", String.valueOf(seed));
    if (directional) {
      b = b.configurationParameter("gradprop.directionalAbove", "0");
    }
    Map<String, String> out = new TreeMap<>();
    b.execute().testEvents().finished().stream()
        .forEach(
            e -> {
              TestExecutionResult r = e.getPayload(TestExecutionResult.class).orElseThrow();
              StringBuilder sb = new StringBuilder(r.getStatus().toString());
              r.getThrowable()
                  .ifPresent(
                      t -> {
                        sb.append(' ').append(t.getClass().getSimpleName());
                        String m = t.getMessage() == null ? "" : t.getMessage();
                        for (String line : m.split("\\R")) {
                          if (line.startsWith("shape ")) {
                            sb.append(", ").append(line.replaceAll("\\s+", " "));
                          }
                        }
                        if (m.contains("\nfound by ")) {
                          sb.append(FOUND);
                        }
                      });
              out.put(
                  fixture.getSimpleName() + "#" + e.getTestDescriptor().getDisplayName(),
                  sb.toString());
            });
    return out;
  }
}
