package io.github.gradprop.property;

import static io.github.gradprop.property.PropertyFixtures.onlyFailure;
import static io.github.gradprop.property.PropertyFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.gradprop.ModelConfigurationException;
import io.github.gradprop.PropertyConfigurationException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PropertyConfigurationTests {

  private static Throwable failureOf(Class<?> fixture) {
    return onlyFailure(run(fixture, 1));
  }

  @Test
  void zeroTries_isAConfigurationError_namingTheAttributeAndValue() {
    assertThat(failureOf(MisconfiguredTestCases.ZeroTries.class))
        .isInstanceOf(PropertyConfigurationException.class)
        .hasMessage("@GradientProperty requires `tries` >= 1, but was 0.");
  }

  @Test
  void rangeWithMinAboveMax_isAConfigurationError() {
    assertThat(failureOf(MisconfiguredTestCases.MinAboveMax.class))
        .isInstanceOf(PropertyConfigurationException.class)
        .hasMessage("@GradientProperty `dims` range for `hidden` has min > max: \"5..2\".");
  }

  @Test
  void unknownDimensionName_isAConfigurationError_listingTheKnownOnes() {
    assertThat(failureOf(MisconfiguredTestCases.UnknownDim.class))
        .isInstanceOf(PropertyConfigurationException.class)
        .hasMessageContaining("names dimension `hiden`")
        .hasMessageContaining("[batch, in, hidden, out]");
  }

  @Test
  void negativeTolerance_isAConfigurationError() {
    assertThat(failureOf(MisconfiguredTestCases.NegativeRtol.class))
        .isInstanceOf(PropertyConfigurationException.class)
        .hasMessage("@GradientProperty requires `rtol` >= 0 and finite, but was -2.0.");
  }

  @Test
  void methodWithoutGradientCheckParameter_isAConfigurationError() {
    assertThat(failureOf(MisconfiguredTestCases.NoParameter.class))
        .isInstanceOf(PropertyConfigurationException.class)
        .hasMessageContaining("needs a parameter of type GradientCheck");
  }

  @Test
  void methodThatNamesNoModel_isAConfigurationError() {
    assertThat(failureOf(MisconfiguredTestCases.NeverNamesAModel.class))
        .isInstanceOf(PropertyConfigurationException.class)
        .hasMessage(
            "@GradientProperty method `neverNamesAModel` returned without calling check.that(model).");
  }

  @Test
  void methodThatNamesTwoModels_isAConfigurationError() {
    assertThat(failureOf(MisconfiguredTestCases.TwoModels.class))
        .isInstanceOf(PropertyConfigurationException.class)
        .hasMessageContaining("was called twice");
  }

  @Test
  void modelThatThrows_isAModelError_withTheSeedToReplay() {
    assertThat(failureOf(MisconfiguredTestCases.ThrowingModel.class))
        .isInstanceOf(ModelConfigurationException.class)
        .hasMessageContaining("threw from loss(...) at the generated case")
        .hasMessageContaining("case  : generated, try 1")
        .hasMessageContaining("forward not implemented")
        .hasMessageContaining("-Dgradprop.seed=1")
        .hasRootCauseInstanceOf(IllegalStateException.class);
  }

  @Test
  void unparsableConfigurationParameter_isAConfigurationError() {
    Throwable failure =
        onlyFailure(run(TanhMlpTestCases.Correct.class, Map.of("gradprop.tries", "many")));
    assertThat(failure)
        .isInstanceOf(PropertyConfigurationException.class)
        .hasMessage(
            "Configuration parameter `gradprop.tries` must be an integer, but was \"many\".");
  }

  @Test
  void tolerancesSoLooseThatAZeroGradientPasses_failAsVacuous_namingTheTolerances() {
    assertThat(failureOf(MisconfiguredTestCases.LooseTolerancesOnZeroGradient.class))
        .isInstanceOf(PropertyConfigurationException.class)
        .hasMessageStartingWith(
            "@GradientProperty check of model `tanh mlp, zero gradient` was vacuous: over 20"
                + " tries, no checked entry had a numeric derivative larger than its tolerance, so"
                + " a gradient of all zeros would have passed every try.")
        .hasMessageContaining("atol = 10.0, rtol = 10.0")
        .hasMessageContaining("Lower `atol` / `rtol`");
  }

  @Test
  void theZeroGradient_atDefaultTolerances_isAMismatch_notVacuous() {
    assertThat(failureOf(MisconfiguredTestCases.DefaultTolerancesOnZeroGradient.class))
        .isInstanceOf(io.github.gradprop.GradientMismatchError.class)
        .hasMessageContaining("Analytic gradient disagrees with finite differences");
  }

  @Test
  void theCorrectGradient_atDefaultTolerances_passes() {
    assertThat(
            PropertyFixtures.failures(
                run(MisconfiguredTestCases.DefaultTolerancesOnCorrectGradient.class, 1)))
        .isEmpty();
  }

  @Test
  void seedZero_isPinned_andPrintedAsTheSeedOfTheFirstTry() {
    Throwable failure =
        onlyFailure(
            PropertyFixtures.run(
                MisconfiguredTestCases.SeedZeroPinned.class, Map.of("gradprop.replay", "false")));
    assertThat(failure).isInstanceOf(io.github.gradprop.GradientMismatchError.class);
    assertThat(PropertyFixtures.line(failure.getMessage(), "seed")).contains(": 0, try 1 of 5");
  }

  @Test
  void aFlatGradientOfTheWrongLength_inAProperty_isGradpropsContractCheck_withSeedAndReplay() {
    assertThat(failureOf(MisconfiguredTestCases.ShortFlatGradient.class))
        .isInstanceOf(ModelConfigurationException.class)
        .hasMessageStartingWith(
            "Model `short flat` returned a gradient of the wrong length from gradient(...)")
        .hasMessageContaining("tensor   : the flat weight vector (w [")
        .hasMessageContaining("case  : generated, try 1")
        .hasMessageContaining("-Dgradprop.seed=1")
        .message()
        .doesNotContain("threw");
  }
}
