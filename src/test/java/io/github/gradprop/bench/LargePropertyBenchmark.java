package io.github.gradprop.bench;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Times 100-try properties on an MLP of about 10^5 parameters (100-500-100, batch 16: 100,600
 * parameters), run through the JUnit engine as a user runs them: the correct model (every try
 * passes along random directions) and a bug in one layer (found along a direction, shrunk, the
 * shrunk case checked entry by entry). Prints the wall time and the report. With {@code full}, the
 * bug also runs in the full mode (every try and shrink candidate entry by entry, much slower), and
 * the benchmark says whether both modes shrink to the same counterexample.
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat cp.txt) io.github.gradprop.bench.LargePropertyBenchmark [seed] [full]
 * </pre>
 */
public final class LargePropertyBenchmark {

  private LargePropertyBenchmark() {}

  public static void main(String[] args) {
    String seed = args.length > 0 ? args[0] : "1";
    System.out.printf(
        "gradprop 100-try property on an MLP 100-500-100, batch 16 (100,600 parameters)%n"
            + "jvm        : %s %s, %d available processors%n",
        System.getProperty("java.vm.name"),
        System.getProperty("java.runtime.version"),
        Runtime.getRuntime().availableProcessors());
    run(LargeMlpTestCases.Correct.class, seed, true);
    String directional = run(LargeMlpTestCases.BugInOneLayer.class, seed, true);
    if (args.length > 1 && args[1].equals("full")) {
      String full = run(LargeMlpTestCases.BugInOneLayerFull.class, seed, false);
      boolean same =
          directional != null && full != null && shrunkCase(directional).equals(shrunkCase(full));
      System.out.printf(
          "compared   : the shrunk counterexample (shape and every value) of the directional"
              + " run is %s that of the full mode%n",
          same ? "the same as" : "NOT the same as");
    }
  }

  /** Runs {@code fixture}, prints its wall time (and message); returns the message, or null. */
  private static String run(Class<?> fixture, String seed, boolean print) {
    long t0 = System.nanoTime();
    EngineExecutionResults results =
        EngineTestKit.engine("junit-jupiter")
            .selectors(selectClass(fixture))
            .configurationParameter("gradprop.replay", "false")
            .configurationParameter("gradprop.seed", seed)
            .execute();
    double seconds = (System.nanoTime() - t0) / 1e9;
    List<Throwable> failures =
        results.testEvents().failed().stream()
            .map(e -> e.getPayload(TestExecutionResult.class).orElseThrow())
            .map(r -> r.getThrowable().orElseThrow())
            .collect(Collectors.toList());
    System.out.printf(
        "%-17s: %.2f s wall, %s%n",
        fixture.getSimpleName(), seconds, failures.isEmpty() ? "passed" : "failed");
    for (Throwable f : failures) {
      System.out.println(print ? f.getMessage() : firstLines(f.getMessage()));
    }
    return failures.isEmpty() ? null : failures.get(0).getMessage();
  }

  /** The shape line and the {@code case (shrunk):} block of a report. */
  static String shrunkCase(String message) {
    StringBuilder sb = new StringBuilder();
    boolean inCase = false;
    for (String line : message.split("\\R")) {
      if (line.startsWith("shape ")) {
        sb.append(line).append('\n');
      }
      if (line.startsWith("case (shrunk)")) {
        inCase = true;
      } else if (inCase && !line.startsWith("  ")) {
        inCase = false;
      }
      if (inCase) {
        sb.append(line).append('\n');
      }
    }
    return sb.toString();
  }

  private static String firstLines(String message) {
    StringBuilder sb = new StringBuilder();
    for (String line : message.split("\\R")) {
      if (line.startsWith("shape ") || line.startsWith("shrinking ") || line.startsWith("time ")) {
        sb.append(line).append(System.lineSeparator());
      }
    }
    return sb.toString().strip();
  }
}
