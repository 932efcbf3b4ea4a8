package io.github.gradprop.examples.commonsmath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.gradprop.EntryCheck;
import io.github.gradprop.GradientMismatchError;
import io.github.gradprop.Gradients;
import org.junit.jupiter.api.Test;

class LogisticRegressionTests {

  @Test
  void correctBackward_passesTheGradientCheck() {
    assertThatCode(
            () -> Gradients.assertCorrect(LogisticRegression.model(), LogisticRegression.fixedCase()))
        .doesNotThrowAnyException();
  }

  @Test
  void backwardThatSumsInsteadOfAveraging_failsOnEveryEntry_byTheBatchSize() {
    GradientMismatchError e =
        assertThrows(
            GradientMismatchError.class,
            () ->
                Gradients.assertCorrect(
                    LogisticRegression.modelSummingInsteadOfAveraging(),
                    LogisticRegression.fixedCase()));
    System.out.println(e.getMessage());

    assertThat(e.getMessage().lines().findFirst())
        .hasValue(
            "Analytic gradient disagrees with finite differences for 8 of 8 entries"
                + " (w 6 of 6, b 2 of 2)");
    for (EntryCheck entry : e.result().failures()) {
      assertThat(entry.analytic() / entry.numeric()).isCloseTo(5.0, within(1e-6));
    }
  }
}
