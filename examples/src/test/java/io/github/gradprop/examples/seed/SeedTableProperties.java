package io.github.gradprop.examples.seed;

import io.github.gradprop.GradientCheck;
import io.github.gradprop.GradientProperty;
import io.github.gradprop.TargetKind;

/**
 * The question's whole table as properties: 3 activations x 3 costs. Two cells fail (their
 * backward uses the sigmoid shortcut {@code delta3 = y - Y}); see {@code docs/seed-table.md} for
 * their shrunk counterexamples.
 *
 * <p>This class is not picked up by Surefire's default includes, because two of its properties
 * fail on purpose; {@link SeedTablePropertiesTests} runs it and checks which cells pass, and
 * {@link SeedDemo} runs the ReLU + cross-entropy cell.
 */
public class SeedTableProperties {

  @GradientProperty(targets = TargetKind.REAL)
  void sigmoidSquaredError(GradientCheck check) {
    check.that(SeedNetwork.model(Activation.SIGMOID, Cost.SQUARED_ERROR));
  }

  @GradientProperty(targets = TargetKind.REAL)
  void tanhSquaredError(GradientCheck check) {
    check.that(SeedNetwork.model(Activation.TANH, Cost.SQUARED_ERROR));
  }

  @GradientProperty(targets = TargetKind.REAL)
  void reluSquaredError(GradientCheck check) {
    check.that(SeedNetwork.model(Activation.RELU, Cost.SQUARED_ERROR));
  }

  @GradientProperty(targets = TargetKind.BINARY)
  void sigmoidCrossEntropy(GradientCheck check) {
    check.that(SeedNetwork.model(Activation.SIGMOID, Cost.CROSS_ENTROPY));
  }

  @GradientProperty(targets = TargetKind.BINARY)
  void tanhCrossEntropy(GradientCheck check) {
    check.that(SeedNetwork.model(Activation.TANH, Cost.CROSS_ENTROPY));
  }

  @GradientProperty(targets = TargetKind.BINARY)
  void reluCrossEntropy(GradientCheck check) {
    check.that(SeedNetwork.model(Activation.RELU, Cost.CROSS_ENTROPY));
  }

  @GradientProperty(targets = TargetKind.ONE_HOT)
  void sigmoidSoftmaxCrossEntropy(GradientCheck check) {
    check.that(SeedNetwork.model(Activation.SIGMOID, Cost.SOFTMAX_CROSS_ENTROPY));
  }

  @GradientProperty(targets = TargetKind.ONE_HOT)
  void tanhSoftmaxCrossEntropy(GradientCheck check) {
    check.that(SeedNetwork.model(Activation.TANH, Cost.SOFTMAX_CROSS_ENTROPY));
  }

  @GradientProperty(targets = TargetKind.ONE_HOT)
  void reluSoftmaxCrossEntropy(GradientCheck check) {
    check.that(SeedNetwork.model(Activation.RELU, Cost.SOFTMAX_CROSS_ENTROPY));
  }
}
