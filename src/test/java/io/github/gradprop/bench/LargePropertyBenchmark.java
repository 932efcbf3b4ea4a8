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
 * shrunk case checked entry by entry). Prints the wall time and the report's first lines.
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat cp.txt) io.github.gradprop.bench.LargePropertyBenchmark [seed]
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
    for (Class<?> fixture :
        List.of(LargeMlpTestCases.Correct.class, LargeMlpTestCases.BugInOneLayer.class)) {
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
          "%-14s: %.2f s wall, %s%n",
          fixture.getSimpleName(), seconds, failures.isEmpty() ? "passed" : "failed");
      for (Throwable f : failures) {
        System.out.println(f.getMessage());
      }
    }
  }
}
