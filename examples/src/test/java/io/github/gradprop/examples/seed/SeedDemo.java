package io.github.gradprop.examples.seed;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Run {@code SeedDemo} to watch gradprop falsify the seed question's ReLU + cross-entropy backward
 * pass and shrink it to a minimal counterexample: it runs the property {@link
 * SeedTableProperties#reluCrossEntropy} through the JUnit Platform, as Surefire would, and prints
 * the failure message a Surefire report would show.
 *
 * <pre>
 * mvn -B -q install -DskipTests &amp;&amp; mvn -B -q -f examples/pom.xml test-compile exec:java
 * </pre>
 *
 * <p>The seed is fixed (42) so the demo prints the same report every time; pass {@code
 * -Dgradprop.seed=N} for another.
 */
public final class SeedDemo {

  private SeedDemo() {}

  public static void main(String[] args) {
    String seed = System.getProperty("gradprop.seed", "42");
    System.out.println(
        "Running @GradientProperty SeedTableProperties.reluCrossEntropy (seed " + seed + ")");
    System.out.println();
    String failure = runReluCrossEntropy(seed);
    if (failure == null) {
      System.out.println("The property passed: no try disagreed.");
      return;
    }
    System.out.println(failure);
    System.out.println();
    System.out.println(explanation());
  }

  /** Runs the ReLU + cross-entropy property; returns its failure message, or null if it passed. */
  static String runReluCrossEntropy(String seed) {
    Map<String, String> config = new LinkedHashMap<>();
    config.put("gradprop.seed", seed);
    config.put("gradprop.replay", "false");
    LauncherDiscoveryRequest request =
        request()
            .selectors(
                selectMethod(
                    SeedTableProperties.class,
                    "reluCrossEntropy",
                    "io.github.gradprop.GradientCheck"))
            .configurationParameters(config)
            .build();
    Launcher launcher = LauncherFactory.create();
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    launcher.execute(request, listener);
    TestExecutionSummary summary = listener.getSummary();
    if (summary.getTestsFoundCount() != 1) {
      throw new IllegalStateException("expected to find one property, found " + summary.getTestsFoundCount());
    }
    return summary.getFailures().isEmpty()
        ? null
        : summary.getFailures().get(0).getException().getMessage();
  }

  static String explanation() {
    return "Why: the cross-entropy branch uses the sigmoid shortcut delta3 = y - Y, which is"
        + " dE/dz3 only for a sigmoid output; for a ReLU output it is"
        + " ((1 - Y) ./ (1 - y) - Y ./ y) .* (z3 > 0).";
  }
}
