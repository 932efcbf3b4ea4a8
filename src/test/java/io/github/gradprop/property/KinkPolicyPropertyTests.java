package io.github.gradprop.property;

import static io.github.gradprop.property.PropertyFixtures.failures;
import static io.github.gradprop.property.PropertyFixtures.onlyFailure;
import static io.github.gradprop.property.PropertyFixtures.reportEntries;
import static io.github.gradprop.property.PropertyFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.gradprop.CheckOptions;
import io.github.gradprop.GradientCheckResult;
import io.github.gradprop.Gradients;
import io.github.gradprop.KinkPolicy;
import io.github.gradprop.PropertyConfigurationException;
import io.github.gradprop.Verdict;
import io.github.gradprop.model.Case;
import io.github.gradprop.model.GradientModel;
import io.github.gradprop.testmodels.SeedNetwork;
import io.github.gradprop.testmodels.SeedNetwork.Activation;
import io.github.gradprop.testmodels.SeedNetwork.Cost;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

class KinkPolicyPropertyTests {

  @Test
  void correctReluModel_onEdgeCases_passesUnderTheDefaultPolicy_andCountsKinks() {
    EngineExecutionResults results = run(KinkPolicyTestCases.ReluSquaredErrorWithEdges.class, 5);
    assertThat(failures(results)).isEmpty();
    Map<String, String> stats = reportEntries(results).get(0);
    assertThat(Integer.parseInt(stats.get("gradprop.triesWithKinks"))).isPositive();
    assertThat(Long.parseLong(stats.get("gradprop.entriesAtKinks"))).isPositive();
  }

  @Test
  void avoid_rejectsCasesWithKinks_drawsOthers_andCountsTheRejections() {
    EngineExecutionResults results =
        run(KinkPolicyTestCases.ReluSquaredErrorAvoidingKinks.class, 5);
    assertThat(failures(results)).isEmpty();
    Map<String, String> stats = reportEntries(results).get(0);
    assertThat(stats)
        .containsEntry("gradprop.tries", "100")
        .containsEntry("gradprop.triesWithKinks", "0");
    assertThat(Integer.parseInt(stats.get("gradprop.rejectedForKinks"))).isPositive();
  }

  @Test
  void avoid_withKinksEverywhere_failsWithAClearError_notAPass() {
    Throwable failure = onlyFailure(run(KinkPolicyTestCases.KinksEverywhereAvoided.class, 5));
    assertThat(failure)
        .isInstanceOf(PropertyConfigurationException.class)
        .hasMessageStartingWith(
            "@GradientProperty(kinks = AVOID) rejected 51 generated cases for hitting kinks and accepted only 0 of 5 tries.");
  }

  @Test
  void strict_onTheSeedNetwork_shrinksToACaseWhoseReportNamesTheKink() {
    String message =
        onlyFailure(run(KinkPolicyTestCases.SeedReluCrossEntropyStrict.class, 42)).getMessage();
    assertThat(message).contains("policy    : STRICT");
    assertThat(message).contains("shape     : batch=1 in=1 hidden=1 out=1");
  }

  @Test
  void strict_atAReluOutputOfZero_underClippedCrossEntropy_reportsTheKinkAndTheSteepSide() {
    GradientModel model = SeedNetwork.model(Activation.RELU, Cost.CROSS_ENTROPY);
    Case reluOutputZero =
        Case.builder(model.spec())
            .parameter("w1", new double[][] {{0.0, 0.0}})
            .parameter("w2", new double[][] {{0.0, 0.0}})
            .inputs(new double[][] {{0.0}})
            .targets(new double[][] {{1.0}})
            .build();

    GradientCheckResult strict =
        Gradients.check(
            model, reluOutputZero, CheckOptions.defaults().withKinkPolicy(KinkPolicy.STRICT));

    assertThat(strict.failures())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.verdict()).isEqualTo(Verdict.MISMATCH_AT_KINK);
              assertThat(e.tensor()).isEqualTo("w2");
              assertThat(e.indexText()).isEqualTo("[0, 1]");
            });
    assertThat(strict.report())
        .contains("at kinks  : 1 entry where the loss is not differentiable")
        .contains("correct code can fail KinkPolicy.STRICT")
        .contains("steep     : one-sided slopes 0.0e+00 (left)");
  }
}
