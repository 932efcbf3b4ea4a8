package io.github.gradprop.property;

import static io.github.gradprop.property.PropertyFixtures.failures;
import static io.github.gradprop.property.PropertyFixtures.line;
import static io.github.gradprop.property.PropertyFixtures.onlyFailure;
import static io.github.gradprop.property.PropertyFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.gradprop.PropertyConfigurationException;
import org.junit.jupiter.api.Test;

class ClassIndexTests {

  @Test
  void correctLossOnClassLabels_passesEveryTry() {
    for (long seed = 1; seed <= 3; seed++) {
      assertThat(failures(run(ClassIndexTestCases.Correct.class, seed))).isEmpty();
    }
  }

  @Test
  void missingBatchMean_shrinksToTwoExamplesAndTwoClasses_withLabelsAtZero() {
    for (long seed = 1; seed <= 5; seed++) {
      String message =
          onlyFailure(run(ClassIndexTestCases.ForgetsBatchMean.class, seed)).getMessage();
      assertThat(line(message, "shape")).as("seed %d", seed).endsWith("batch=2 in=1 out=2");
      assertThat(message).contains("  targets = {0.0, 0.0}");
    }
  }

  @Test
  void classIndexTargets_withoutClasses_isAConfigurationError() {
    assertThat(onlyFailure(run(ClassIndexTestCases.WithoutClasses.class, 1)))
        .isInstanceOf(PropertyConfigurationException.class)
        .hasMessage(
            "@GradientProperty(targets = CLASS_INDEX) requires `classes`, the dimension that counts"
                + " the classes, e.g. classes = \"out\".");
  }

  @Test
  void classesNamingAnUnknownDimension_isAConfigurationError() {
    assertThat(onlyFailure(run(ClassIndexTestCases.UnknownClasses.class, 1)))
        .isInstanceOf(PropertyConfigurationException.class)
        .hasMessageContaining("`classes` names dimension `labels`");
  }

  @Test
  void classesWithAnotherTargetKind_isAConfigurationError() {
    assertThat(onlyFailure(run(ClassIndexTestCases.ClassesWithoutClassIndex.class, 1)))
        .isInstanceOf(PropertyConfigurationException.class)
        .hasMessageContaining("is only used with targets = CLASS_INDEX, but targets was REAL");
  }

  @Test
  void oneHotTargets_onOneValuePerExample_isAConfigurationError_pointingToClassIndex() {
    assertThat(onlyFailure(run(ClassIndexTestCases.DefaultOneHotOnLabels.class, 1)))
        .isInstanceOf(PropertyConfigurationException.class)
        .hasMessageContaining("declares targets(\"batch\"): one value per example")
        .hasMessageContaining("TargetKind.CLASS_INDEX");
  }
}
