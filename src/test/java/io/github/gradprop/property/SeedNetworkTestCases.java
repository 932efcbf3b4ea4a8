package io.github.gradprop.property;

import io.github.gradprop.GradientCheck;
import io.github.gradprop.GradientProperty;
import io.github.gradprop.TargetKind;
import io.github.gradprop.testmodels.SeedNetwork;
import io.github.gradprop.testmodels.SeedNetwork.Activation;
import io.github.gradprop.testmodels.SeedNetwork.Cost;

/** Fixtures run through EngineTestKit by {@link GradientPropertyTests}. */
class SeedNetworkTestCases {

  static class ReluCrossEntropy {
    @GradientProperty(targets = TargetKind.BINARY)
    void reluCrossEntropy(GradientCheck check) {
      check.that(SeedNetwork.model(Activation.RELU, Cost.CROSS_ENTROPY));
    }
  }

  static final int PASSING_CELLS = 7;

  /** The cells of the question's table whose backward is right. */
  static class PassingCells {
    @GradientProperty(targets = TargetKind.BINARY)
    void sigmoidCrossEntropy(GradientCheck check) {
      check.that(SeedNetwork.model(Activation.SIGMOID, Cost.CROSS_ENTROPY));
    }

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

    @GradientProperty
    void sigmoidSoftmax(GradientCheck check) {
      check.that(SeedNetwork.model(Activation.SIGMOID, Cost.SOFTMAX_CROSS_ENTROPY));
    }

    @GradientProperty
    void tanhSoftmax(GradientCheck check) {
      check.that(SeedNetwork.model(Activation.TANH, Cost.SOFTMAX_CROSS_ENTROPY));
    }

    @GradientProperty
    void reluSoftmax(GradientCheck check) {
      check.that(SeedNetwork.model(Activation.RELU, Cost.SOFTMAX_CROSS_ENTROPY));
    }
  }

  /** All nine cells, for the parallel-execution test. */
  static class WholeTable extends PassingCells {
    @GradientProperty(targets = TargetKind.BINARY)
    void reluCrossEntropy(GradientCheck check) {
      check.that(SeedNetwork.model(Activation.RELU, Cost.CROSS_ENTROPY));
    }

    @GradientProperty(targets = TargetKind.BINARY)
    void tanhCrossEntropy(GradientCheck check) {
      check.that(SeedNetwork.model(Activation.TANH, Cost.CROSS_ENTROPY));
    }
  }
}
