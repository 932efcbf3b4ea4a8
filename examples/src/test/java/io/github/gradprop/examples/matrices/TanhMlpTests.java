package io.github.gradprop.examples.matrices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.gradprop.EntryCheck;
import io.github.gradprop.GradientMismatchError;
import io.github.gradprop.Gradients;
import org.junit.jupiter.api.Test;

class TanhMlpTests {

  @Test
  void correctBackward_passesTheGradientCheck() {
    assertThatCode(() -> Gradients.assertCorrect(TanhMlp.model(), TanhMlp.fixedCase()))
        .doesNotThrowAnyException();
  }

  @Test
  void backwardWithoutTanhDerivative_failsOnTheFirstLayerOnly() {
    GradientMismatchError e =
        assertThrows(
            GradientMismatchError.class,
            () -> Gradients.assertCorrect(TanhMlp.modelForgettingTanhDerivative(), TanhMlp.fixedCase()));
    System.out.println(e.getMessage());

    assertThat(e.getMessage()).startsWith("Analytic gradient disagrees with finite differences");
    assertThat(e.result().failures())
        .isNotEmpty()
        .extracting(EntryCheck::tensor)
        .containsOnly("w1", "b1");
  }
}
