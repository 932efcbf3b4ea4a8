package io.github.gradprop.examples.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.gradprop.EntryCheck;
import io.github.gradprop.GradientCheckResult;
import io.github.gradprop.GradientMismatchError;
import io.github.gradprop.Gradients;
import io.github.gradprop.model.Case;
import io.github.gradprop.model.GradientModel;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The seed question's network, all 9 cells, on the fixed case: the 7 cells whose backward pass is
 * right pass; the two cross-entropy cells whose output is not a sigmoid (ReLU, the question's
 * report, and tanh, which the question skipped) fail.
 */
class SeedNetworkTests {

  static Stream<Arguments> correctCells() {
    return Stream.of(
        Arguments.of(Activation.SIGMOID, Cost.SQUARED_ERROR),
        Arguments.of(Activation.TANH, Cost.SQUARED_ERROR),
        Arguments.of(Activation.RELU, Cost.SQUARED_ERROR),
        Arguments.of(Activation.SIGMOID, Cost.CROSS_ENTROPY),
        Arguments.of(Activation.SIGMOID, Cost.SOFTMAX_CROSS_ENTROPY),
        Arguments.of(Activation.TANH, Cost.SOFTMAX_CROSS_ENTROPY),
        Arguments.of(Activation.RELU, Cost.SOFTMAX_CROSS_ENTROPY));
  }

  @ParameterizedTest(name = "{0} + {1}")
  @MethodSource("correctCells")
  void correctCell_passesTheGradientCheck(Activation act, Cost cost) {
    GradientModel model = SeedNetwork.model(act, cost);

    assertThatCode(() -> Gradients.assertCorrect(model, SeedCases.fixed(act, cost)))
        .doesNotThrowAnyException();
  }

  @Test
  void reluWithCrossEntropy_failsTheCheck_onEveryEntryOfBothWeightMatrices() {
    GradientModel model = SeedNetwork.model(Activation.RELU, Cost.CROSS_ENTROPY);

    GradientMismatchError e =
        assertThrows(
            GradientMismatchError.class,
            () -> Gradients.assertCorrect(model, SeedCases.fixed(Activation.RELU, Cost.CROSS_ENTROPY)));
    System.out.println(e.getMessage());

    assertThat(e.getMessage().lines())
        .startsWith(
            "Analytic gradient disagrees with finite differences for 17 of 17 entries"
                + " (w2 8 of 8, w1 9 of 9)",
            "model     : seed network: relu, cross-entropy",
            "shape     : batch=3 in=2 hidden=3 out=2");
    assertThat(e.getMessage()).contains("MISMATCH");
    EntryCheck worst = e.result().failures().get(0);
    assertThat(worst.tensor()).isEqualTo("w2");
    assertThat(worst.index()).containsExactly(0, 3); // the output bias of unit 0
    assertThat(worst.numeric() / worst.analytic()).isGreaterThan(5);
    assertThat(e.result().failures()).extracting(EntryCheck::tensor).containsOnly("w1", "w2");
  }

  @Test
  void tanhWithCrossEntropy_failsTheCheck_tooBecauseTheSameShortcutIsWrongForTanh() {
    GradientModel model = SeedNetwork.model(Activation.TANH, Cost.CROSS_ENTROPY);

    GradientMismatchError e =
        assertThrows(
            GradientMismatchError.class,
            () -> Gradients.assertCorrect(model, SeedCases.fixed(Activation.TANH, Cost.CROSS_ENTROPY)));
    System.out.println(e.getMessage());

    assertThat(e.getMessage().lines())
        .startsWith(
            "Analytic gradient disagrees with finite differences for 17 of 17 entries"
                + " (w1 9 of 9, w2 8 of 8)",
            "model     : seed network: tanh, cross-entropy");
  }

  /**
   * The smallest case that shows the bug (batch = in = hidden = out = 1; w1 = 0, w2 = [0, 0.5], X
   * = 0, Y = 0): y = 0.5 and f = -log(1 - y) = log 2, so dE/dz3 = 1 / (1 - y) = 2, while the
   * shortcut gives y - Y = 0.5. Only the output bias sees it.
   */
  @Test
  void reluWithCrossEntropy_onTheOneUnitCase_givesHalfWhereTheTrueDerivativeIsTwo() {
    GradientModel model = SeedNetwork.model(Activation.RELU, Cost.CROSS_ENTROPY);
    Case oneUnit =
        Case.builder(model.spec())
            .inputs(new double[][] {{0.0}})
            .parameter("w1", new double[][] {{0.0, 0.0}})
            .parameter("w2", new double[][] {{0.0, 0.5}})
            .targets(new double[][] {{0.0}})
            .build();

    GradientCheckResult result = Gradients.check(model, oneUnit);

    assertThat(result.loss()).isCloseTo(Math.log(2), within(1e-15));
    assertThat(result.failures()).hasSize(1);
    EntryCheck bias = result.failures().get(0);
    assertThat(bias.tensor()).isEqualTo("w2");
    assertThat(bias.index()).containsExactly(0, 1);
    assertThat(bias.analytic()).isEqualTo(0.5);
    assertThat(bias.numeric()).isCloseTo(2.0, within(1e-8));
  }

  @Test
  void flatWeightVector_isW1ThenW2_rowMajor() {
    double[] w = {1, 2, 3, 4, 5, 6, 7};
    double[][] x = {{0.5}};
    double[][] y = {{0.0}};
    // w1 = [[1, 2], [3, 4]] (hidden 2 x in+1 2), w2 = [[5, 6, 7]] (out 1 x hidden+1 3)
    // z2 = [0.5 + 2, 1.5 + 4] = [2.5, 5.5]; relu; z3 = 5 * 2.5 + 6 * 5.5 + 7 = 52.5
    SeedNetwork.Result r = SeedNetwork.backprop(Activation.RELU, Cost.SQUARED_ERROR, w, x, y);

    assertThat(r.f()).isEqualTo(0.5 * 52.5 * 52.5);
    // dW2 = delta3 * [a2 1] with delta3 = 52.5
    assertThat(r.df()).endsWith(52.5 * 2.5, 52.5 * 5.5, 52.5);
  }
}
