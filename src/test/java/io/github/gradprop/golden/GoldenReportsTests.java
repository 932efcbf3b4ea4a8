package io.github.gradprop.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import io.github.gradprop.GradientMismatchError;
import io.github.gradprop.Gradients;
import io.github.gradprop.kinks.GoldenKinkReports;
import io.github.gradprop.model.Case;
import io.github.gradprop.model.GradientModel;
import io.github.gradprop.testmodels.LinearRegression;
import io.github.gradprop.testmodels.OneHiddenUnit;
import io.github.gradprop.testmodels.PlantedError;
import io.github.gradprop.testmodels.ReferenceMlp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * Golden reports: the full failure messages of the failing properties of the seed table, the zoo
 * and the kink models on fixed seeds, and the fixed-case reports of the reference MLP with planted
 * errors and of the kink report tests, compared byte for byte with the files under {@code
 * src/test/resources/golden/}, with only the timing line ({@code time : ...}) removed.
 *
 * <p>They pin behaviour across refactorings: a change of any report text, verdict, shrink result or
 * seed handling shows here. A missing golden file fails the test. To regenerate after an intended
 * change, run {@code mvn -B -q test -Dtest=GoldenReportsTests -Dgradprop.golden.update=true} from
 * the project root (it rewrites the files in {@code src/test/resources/golden/} and then fails, so
 * that no run passes by writing its own expectation), review the diff and say why in the commit
 * message.
 */
class GoldenReportsTests {

  private static final int SEEDS = 12;
  private static final boolean UPDATE = Boolean.getBoolean("gradprop.golden.update");
  private static final Path DIR = Paths.get("src", "test", "resources", "golden");

  /** Fixture class (binary name) and method; each runs on seeds 1..{@link #SEEDS}. */
  private static final String[][] PROPERTIES = {
    {"io.github.gradprop.property.SeedNetworkTestCases$WholeTable", "reluCrossEntropy"},
    {"io.github.gradprop.property.SeedNetworkTestCases$WholeTable", "tanhCrossEntropy"},
    {
      "io.github.gradprop.property.KinkPolicyTestCases$SeedReluCrossEntropyStrict",
      "reluCrossEntropyStrict"
    },
    {"io.github.gradprop.property.TanhMlpTestCases$SwappedHiddenUnits", "swappedHiddenUnits"},
    {"io.github.gradprop.property.TanhMlpTestCases$MissingDerivative", "missingDerivative"},
    {"io.github.gradprop.kinks.MaxPoolShrinkTestCases$EveryTied", "gradientToEveryTiedInput"},
    {"io.github.gradprop.property.ZooTestCases$Conv1dDifference", "flippedKernel"},
    {"io.github.gradprop.property.ZooTestCases$Conv1dDifference", "lastPositionSkipped"},
    {"io.github.gradprop.property.ZooTestCases$Conv1dSum", "flippedKernel"},
    {"io.github.gradprop.property.ZooTestCases$Conv1dSum", "lastPositionSkipped"},
    {"io.github.gradprop.property.ZooTestCases$LayerNorm", "missingMeanTerm"},
    {"io.github.gradprop.property.ZooTestCases$LayerNorm", "missingVarianceTerm"},
    {"io.github.gradprop.property.ZooTestCases$LayerNorm", "epsMissingInBackward"},
    {"io.github.gradprop.property.ZooTestCases$BatchNorm", "missingMeanTerm"},
    {"io.github.gradprop.property.ZooTestCases$BatchNorm", "missingVarianceTerm"},
    {"io.github.gradprop.property.ZooTestCases$Softmax", "missingOneOverBatch"},
    {"io.github.gradprop.property.ZooTestCases$Softmax", "biasGradientOverwritten"},
    {"io.github.gradprop.property.ZooTestCases$Attention", "transposedScoreGradient"},
    {"io.github.gradprop.property.ZooTestCases$Attention", "missingSoftmaxCorrection"},
    {"io.github.gradprop.property.ZooTestCases$Logistic", "halfRegularizerGradient"},
    {"io.github.gradprop.property.ZooTestCases$Logistic", "biasGradientOverwritten"},
    {"io.github.gradprop.property.ZooTestCases$Residual", "transposedWeights"},
    {"io.github.gradprop.property.ZooTestCases$Residual", "missingSkipPath"},
    {"io.github.gradprop.property.ZooTestCases$Rnn", "missingRecurrentTerm"},
    {"io.github.gradprop.property.ZooTestCases$Rnn", "untransposedRecurrentWeights"},
    {"io.github.gradprop.property.ZooTestCases$Glu", "missingGateDerivative"},
    {"io.github.gradprop.property.ZooTestCases$Glu", "gateHalvesSwapped"},
    {"io.github.gradprop.property.ZooTestCases$Glu", "gateRowsRotated"},
  };

  @TestFactory
  Stream<DynamicTest> failingProperties_onFixedSeeds_reportTheGoldenText() {
    return Stream.of(PROPERTIES)
        .map(
            p ->
                DynamicTest.dynamicTest(
                    simpleName(p[0]) + "." + p[1],
                    () -> assertGolden(fileName(p), propertyReports(p[0], p[1]))));
  }

  @TestFactory
  Stream<DynamicTest> fixedCases_reportTheGoldenText() {
    Map<String, String> reports = new LinkedHashMap<>();
    reports.putAll(plantedErrorReports());
    reports.putAll(GoldenKinkReports.reports());
    return reports.entrySet().stream()
        .map(
            e ->
                DynamicTest.dynamicTest(
                    e.getKey(),
                    () -> assertGolden(e.getKey() + ".txt", withoutTiming(e.getValue()))));
  }

  /** The reference MLP (20-50-10, batch 8) with planted errors, and the hand-worked model. */
  private static Map<String, String> plantedErrorReports() {
    Map<String, String> r = new LinkedHashMap<>();
    ReferenceMlp mlp = new ReferenceMlp();
    Case reference = ReferenceMlp.referenceCase(42);
    r.put("reference-mlp-correct", Gradients.check(mlp, reference).report());
    double[] errors = {1e-1, 1e-3, 1e-5};
    String[] tensors = {"w1", "b1", "w2", "b2"};
    int[] indices = {7, 3, 11, 0};
    for (int t = 0; t < tensors.length; t++) {
      for (double e : errors) {
        GradientModel planted = new PlantedError(mlp, tensors[t], indices[t], e);
        r.put(
            "reference-mlp-planted-" + tensors[t] + "-" + e,
            assertCorrectMessage(planted, reference));
      }
    }
    Case small = ReferenceMlp.randomCase(7, 2, 3, 4, 2);
    r.put(
        "reference-mlp-small-planted-w2",
        assertCorrectMessage(new PlantedError(mlp, "w2", 5, 0.02), small));
    r.put(
        "one-hidden-unit-forgetting-the-activation",
        assertCorrectMessage(OneHiddenUnit.forgettingTheActivation(), OneHiddenUnit.aCase()));
    r.put(
        "one-hidden-unit-correct",
        Gradients.check(OneHiddenUnit.correct(), OneHiddenUnit.aCase()).report());
    Case linear = LinearRegression.randomCase(5, 3, 2, 2);
    r.put(
        "diagnosis-linear-regression-forgetting-the-batch-mean",
        assertCorrectMessage(LinearRegression.forgettingTheBatchMean(), linear));
    r.put(
        "diagnosis-linear-regression-input-gradient-sign-flipped",
        assertCorrectMessage(LinearRegression.withInputGradientSignFlipped(), linear));
    r.put(
        "diagnosis-linear-regression-correct",
        Gradients.check(LinearRegression.withInputGradient(), linear).report());
    return r;
  }

  /**
   * The message of {@link GradientMismatchError} from {@code assertCorrect}, or the passing report.
   */
  private static String assertCorrectMessage(GradientModel model, Case c) {
    try {
      Gradients.assertCorrect(model, c);
      return "PASSED" + System.lineSeparator() + Gradients.check(model, c).report();
    } catch (GradientMismatchError e) {
      return e.getMessage();
    }
  }

  private static String propertyReports(String fixture, String method) {
    StringBuilder out = new StringBuilder();
    for (long seed = 1; seed <= SEEDS; seed++) {
      List<Event> finished =
          EngineTestKit.engine("junit-jupiter")
              .selectors(
                  selectMethod(fixture + "#" + method + "(io.github.gradprop.GradientCheck)"))
              .configurationParameter("gradprop.seed", String.valueOf(seed))
              .configurationParameter("gradprop.replay", "false")
              .configurationParameter("gradprop.reports", "off") // no page, no `html` line
              // a budget that a loaded machine cannot exhaust, so the shrunk case is deterministic
              .configurationParameter("gradprop.shrinkMillis", "600000")
              .execute()
              .testEvents()
              .finished()
              .list();
      out.append("=== seed ").append(seed).append('\n');
      if (finished.size() != 1) {
        throw new AssertionError(
            "expected one test " + fixture + "#" + method + ", got " + finished.size());
      }
      TestExecutionResult result =
          finished.get(0).getPayload(TestExecutionResult.class).orElseThrow();
      out.append(result.getStatus()).append('\n');
      result
          .getThrowable()
          .ifPresent(
              t ->
                  out.append(t.getClass().getName())
                      .append('\n')
                      .append(withoutTiming(t.getMessage())));
    }
    return out.toString();
  }

  /** The message without its timing lines, lines ended by {@code \n}. */
  static String withoutTiming(String message) {
    if (message == null) {
      return "(no message)\n";
    }
    return message
        .lines()
        .filter(l -> !l.startsWith("time "))
        .map(l -> l + "\n")
        .collect(Collectors.joining());
  }

  private static void assertGolden(String file, String actual) {
    Path path = DIR.resolve(file);
    try {
      if (UPDATE) {
        Files.createDirectories(DIR);
        Files.write(path, actual.getBytes(StandardCharsets.UTF_8));
        throw new AssertionError(
            "golden file " + path + " rewritten (gradprop.golden.update=true); review the diff");
      }
      if (!Files.exists(path)) {
        throw new AssertionError(
            "golden file "
                + path
                + " is missing; run with -Dgradprop.golden.update=true to write it, and review it");
      }
      String expected = new String(Files.readAllBytes(path), StandardCharsets.UTF_8);
      assertThat(actual).as("golden file %s", path).isEqualTo(expected);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String fileName(String[] property) {
    return simpleName(property[0]) + "." + property[1] + ".txt";
  }

  private static String simpleName(String binaryName) {
    String simple = binaryName.substring(binaryName.lastIndexOf('.') + 1);
    List<String> parts = new ArrayList<>(List.of(simple.split("\\$")));
    return String.join("-", parts);
  }
}
