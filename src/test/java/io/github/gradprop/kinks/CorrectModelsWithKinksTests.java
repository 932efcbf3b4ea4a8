package io.github.gradprop.kinks;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gradprop.CheckOptions;
import io.github.gradprop.DifferenceScheme;
import io.github.gradprop.kinks.KinkCases.Values;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Correct models with kinks and with jumps in the curvature, on cases drawn to hit kinks on
 * purpose: never a failure under the default policy, and the kinks are seen and counted.
 */
class CorrectModelsWithKinksTests {

  /**
   * Models whose loss is continuously differentiable: their curvature jumps, they have no kinks.
   */
  private static final Set<String> CURVATURE_JUMPS_ONLY = Set.of("huber", "elu");

  static Stream<KinkModels.Entry> models() {
    return KinkModels.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void correctModel_neverFails_onOneThousandFiveHundredKinkBiasedTries_andCountsItsKinks(
      KinkModels.Entry model, TestReporter reporter) {
    Tally generic =
        Tally.run(model.correct(), model, Values.GENERIC, 300, 1, CheckOptions.defaults());
    Tally kinky = Tally.run(model.correct(), model, Values.KINKY, 600, 2, CheckOptions.defaults());
    Tally grid = Tally.run(model.correct(), model, Values.GRID, 600, 3, CheckOptions.defaults());
    Tally all = generic.plus(kinky).plus(grid);
    reporter.publishEntry(model.name(), all.toString());

    assertThat(all.tries).isEqualTo(1500);
    assertThat(all.failures).as(all.firstFailure()).isZero();
    if (CURVATURE_JUMPS_ONLY.contains(model.name())) {
      assertThat(all.kinks).isZero();
      assertThat(kinky.refined + grid.refined)
          .as("entries that needed smaller steps because the curvature jumps")
          .isPositive();
    } else {
      assertThat(kinky.kinks).isPositive();
      assertThat(grid.kinks).isPositive();
      assertThat(kinky.casesWithKinks).isGreaterThan(kinky.tries / 10);
    }
  }

  static Stream<Arguments> modelsAndSchemes() {
    return KinkModels.all().stream()
        .flatMap(
            m ->
                List.of(DifferenceScheme.FIVE_POINT, DifferenceScheme.RICHARDSON).stream()
                    .map(s -> Arguments.of(m, s)));
  }

  @ParameterizedTest(name = "{0}, {1}")
  @MethodSource("modelsAndSchemes")
  void correctModel_neverFails_withTheHigherOrderSchemesEither(
      KinkModels.Entry model, DifferenceScheme scheme) {
    CheckOptions options = CheckOptions.defaults().withScheme(scheme);
    Tally all =
        Tally.run(model.correct(), model, Values.KINKY, 150, 4, options)
            .plus(Tally.run(model.correct(), model, Values.GRID, 150, 5, options));

    assertThat(all.failures).as(all.firstFailure()).isZero();
  }
}
