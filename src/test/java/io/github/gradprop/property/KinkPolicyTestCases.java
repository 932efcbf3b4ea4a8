package io.github.gradprop.property;

import io.github.gradprop.GradientCheck;
import io.github.gradprop.GradientProperty;
import io.github.gradprop.KinkPolicy;
import io.github.gradprop.TargetKind;
import io.github.gradprop.model.GradientModel;
import io.github.gradprop.model.ModelSpec;
import io.github.gradprop.model.Models;
import io.github.gradprop.testmodels.SeedNetwork;
import io.github.gradprop.testmodels.SeedNetwork.Activation;
import io.github.gradprop.testmodels.SeedNetwork.Cost;

/** Fixtures run through EngineTestKit by {@link KinkPolicyPropertyTests}. */
class KinkPolicyTestCases {

  static class ReluSquaredErrorAvoidingKinks {
    @GradientProperty(targets = TargetKind.REAL, kinks = KinkPolicy.AVOID, edgeCases = 1.0)
    void reluSquaredError(GradientCheck check) {
      check.that(SeedNetwork.model(Activation.RELU, Cost.SQUARED_ERROR));
    }
  }

  static class ReluSquaredErrorWithEdges {
    @GradientProperty(targets = TargetKind.REAL, edgeCases = 1.0)
    void reluSquaredError(GradientCheck check) {
      check.that(SeedNetwork.model(Activation.RELU, Cost.SQUARED_ERROR));
    }
  }

  /** A loss with a kink every 3e-6: every case hits kinks. */
  static GradientModel kinksEverywhere() {
    ModelSpec spec = ModelSpec.named("|sin(1e6 w)|").inputs("batch", "in").parameter("w", "in");
    return Models.of(
        spec,
        (p, b) -> Math.abs(Math.sin(1e6 * p.vector("w")[0])),
        (p, b, g) -> {
          double w = p.vector("w")[0];
          g.vector("w")[0] = 1e6 * Math.cos(1e6 * w) * Math.signum(Math.sin(1e6 * w));
        });
  }

  static class KinksEverywhereAvoided {
    @GradientProperty(
        kinks = KinkPolicy.AVOID,
        tries = 5,
        dims = {"in = 1", "batch = 1"})
    void kinksEverywhere(GradientCheck check) {
      check.that(KinkPolicyTestCases.kinksEverywhere());
    }
  }

  static class SeedReluCrossEntropyStrict {
    @GradientProperty(targets = TargetKind.BINARY, kinks = KinkPolicy.STRICT)
    void reluCrossEntropyStrict(GradientCheck check) {
      check.that(SeedNetwork.model(Activation.RELU, Cost.CROSS_ENTROPY));
    }
  }
}
