package io.github.gradprop.property;

import io.github.gradprop.GradientCheck;
import io.github.gradprop.GradientProperty;
import io.github.gradprop.TargetKind;
import io.github.gradprop.testmodels.zoo.Conv1d;
import io.github.gradprop.testmodels.zoo.GatedLinearUnit;
import io.github.gradprop.testmodels.zoo.Normalization;
import io.github.gradprop.testmodels.zoo.RegularizedLogisticRegression;
import io.github.gradprop.testmodels.zoo.ResidualEnergy;
import io.github.gradprop.testmodels.zoo.SelfAttention;
import io.github.gradprop.testmodels.zoo.SoftmaxRegression;
import io.github.gradprop.testmodels.zoo.TanhRnn;

/**
 * Fixtures run through EngineTestKit by {@link ZooTests}: models unlike the seed MLP (rank-3 and
 * rank-0 tensors, expression axes, no targets, input gradients), each correct and with planted
 * bugs. Each method is run on its own.
 */
class ZooTestCases {

  static class Conv1dDifference {
    @GradientProperty(targets = TargetKind.REAL)
    void correct(GradientCheck check) {
      check.that(new Conv1d(Conv1d.Lengths.DIFFERENCE, Conv1d.Bug.NONE));
    }

    @GradientProperty(targets = TargetKind.REAL)
    void flippedKernel(GradientCheck check) {
      check.that(
          new Conv1d(Conv1d.Lengths.DIFFERENCE, Conv1d.Bug.FLIPPED_KERNEL_IN_INPUT_GRADIENT));
    }

    @GradientProperty(targets = TargetKind.REAL)
    void lastPositionSkipped(GradientCheck check) {
      check.that(new Conv1d(Conv1d.Lengths.DIFFERENCE, Conv1d.Bug.LAST_POSITION_SKIPPED));
    }
  }

  static class Conv1dSum {
    @GradientProperty(targets = TargetKind.REAL)
    void correct(GradientCheck check) {
      check.that(new Conv1d(Conv1d.Lengths.SUM, Conv1d.Bug.NONE));
    }

    @GradientProperty(targets = TargetKind.REAL)
    void flippedKernel(GradientCheck check) {
      check.that(new Conv1d(Conv1d.Lengths.SUM, Conv1d.Bug.FLIPPED_KERNEL_IN_INPUT_GRADIENT));
    }

    @GradientProperty(targets = TargetKind.REAL)
    void lastPositionSkipped(GradientCheck check) {
      check.that(new Conv1d(Conv1d.Lengths.SUM, Conv1d.Bug.LAST_POSITION_SKIPPED));
    }
  }

  static class LayerNorm {
    @GradientProperty(targets = TargetKind.REAL)
    void correct(GradientCheck check) {
      check.that(new Normalization(Normalization.Axis.LAYER, Normalization.Bug.NONE));
    }

    @GradientProperty(targets = TargetKind.REAL)
    void missingMeanTerm(GradientCheck check) {
      check.that(new Normalization(Normalization.Axis.LAYER, Normalization.Bug.MISSING_MEAN_TERM));
    }

    @GradientProperty(targets = TargetKind.REAL)
    void missingVarianceTerm(GradientCheck check) {
      check.that(
          new Normalization(Normalization.Axis.LAYER, Normalization.Bug.MISSING_VARIANCE_TERM));
    }

    @GradientProperty(targets = TargetKind.REAL)
    void epsMissingInBackward(GradientCheck check) {
      check.that(
          new Normalization(Normalization.Axis.LAYER, Normalization.Bug.EPS_MISSING_IN_BACKWARD));
    }
  }

  static class BatchNorm {
    @GradientProperty(targets = TargetKind.REAL)
    void correct(GradientCheck check) {
      check.that(new Normalization(Normalization.Axis.BATCH, Normalization.Bug.NONE));
    }

    @GradientProperty(targets = TargetKind.REAL)
    void missingMeanTerm(GradientCheck check) {
      check.that(new Normalization(Normalization.Axis.BATCH, Normalization.Bug.MISSING_MEAN_TERM));
    }

    @GradientProperty(targets = TargetKind.REAL)
    void missingVarianceTerm(GradientCheck check) {
      check.that(
          new Normalization(Normalization.Axis.BATCH, Normalization.Bug.MISSING_VARIANCE_TERM));
    }
  }

  static class Softmax {
    @GradientProperty
    void correct(GradientCheck check) {
      check.that(new SoftmaxRegression(SoftmaxRegression.Bug.NONE));
    }

    @GradientProperty
    void missingOneOverBatch(GradientCheck check) {
      check.that(new SoftmaxRegression(SoftmaxRegression.Bug.MISSING_ONE_OVER_BATCH));
    }

    @GradientProperty
    void biasGradientOverwritten(GradientCheck check) {
      check.that(new SoftmaxRegression(SoftmaxRegression.Bug.BIAS_GRADIENT_OVERWRITTEN));
    }
  }

  static class Attention {
    @GradientProperty(targets = TargetKind.REAL)
    void correct(GradientCheck check) {
      check.that(new SelfAttention(SelfAttention.Bug.NONE));
    }

    @GradientProperty(targets = TargetKind.REAL)
    void transposedScoreGradient(GradientCheck check) {
      check.that(new SelfAttention(SelfAttention.Bug.TRANSPOSED_SCORE_GRADIENT));
    }

    @GradientProperty(targets = TargetKind.REAL)
    void missingSoftmaxCorrection(GradientCheck check) {
      check.that(new SelfAttention(SelfAttention.Bug.MISSING_SOFTMAX_CORRECTION));
    }
  }

  static class Logistic {
    @GradientProperty(targets = TargetKind.BINARY)
    void correct(GradientCheck check) {
      check.that(new RegularizedLogisticRegression(RegularizedLogisticRegression.Bug.NONE));
    }

    @GradientProperty(
        targets = TargetKind.BINARY,
        values = io.github.gradprop.ValueDistribution.NORMAL_FAN_IN)
    void correctFanIn(GradientCheck check) {
      check.that(new RegularizedLogisticRegression(RegularizedLogisticRegression.Bug.NONE));
    }

    @GradientProperty(targets = TargetKind.BINARY)
    void halfRegularizerGradient(GradientCheck check) {
      check.that(
          new RegularizedLogisticRegression(
              RegularizedLogisticRegression.Bug.HALF_REGULARIZER_GRADIENT));
    }

    @GradientProperty(targets = TargetKind.BINARY)
    void biasGradientOverwritten(GradientCheck check) {
      check.that(
          new RegularizedLogisticRegression(
              RegularizedLogisticRegression.Bug.BIAS_GRADIENT_OVERWRITTEN));
    }
  }

  static class Residual {
    @GradientProperty
    void correct(GradientCheck check) {
      check.that(new ResidualEnergy(ResidualEnergy.Bug.NONE));
    }

    @GradientProperty
    void transposedWeights(GradientCheck check) {
      check.that(new ResidualEnergy(ResidualEnergy.Bug.TRANSPOSED_WEIGHTS_IN_INPUT_GRADIENT));
    }

    @GradientProperty
    void missingSkipPath(GradientCheck check) {
      check.that(new ResidualEnergy(ResidualEnergy.Bug.MISSING_SKIP_PATH));
    }
  }

  static class Rnn {
    @GradientProperty(targets = TargetKind.REAL)
    void correct(GradientCheck check) {
      check.that(new TanhRnn(TanhRnn.Bug.NONE));
    }

    @GradientProperty(targets = TargetKind.REAL)
    void missingRecurrentTerm(GradientCheck check) {
      check.that(new TanhRnn(TanhRnn.Bug.MISSING_RECURRENT_TERM));
    }

    @GradientProperty(targets = TargetKind.REAL)
    void untransposedRecurrentWeights(GradientCheck check) {
      check.that(new TanhRnn(TanhRnn.Bug.UNTRANSPOSED_RECURRENT_WEIGHTS));
    }
  }

  static class Glu {
    @GradientProperty(targets = TargetKind.REAL)
    void correct(GradientCheck check) {
      check.that(new GatedLinearUnit(GatedLinearUnit.Bug.NONE));
    }

    @GradientProperty(targets = TargetKind.REAL)
    void missingGateDerivative(GradientCheck check) {
      check.that(new GatedLinearUnit(GatedLinearUnit.Bug.MISSING_GATE_DERIVATIVE));
    }

    @GradientProperty(targets = TargetKind.REAL)
    void gateHalvesSwapped(GradientCheck check) {
      check.that(new GatedLinearUnit(GatedLinearUnit.Bug.GATE_HALVES_SWAPPED));
    }

    @GradientProperty(targets = TargetKind.REAL)
    void gateRowsRotated(GradientCheck check) {
      check.that(new GatedLinearUnit(GatedLinearUnit.Bug.GATE_ROWS_ROTATED));
    }
  }
}
