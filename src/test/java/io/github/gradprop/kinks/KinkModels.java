package io.github.gradprop.kinks;

import io.github.gradprop.kinks.KinkCases.Targets;
import io.github.gradprop.kinks.KinkCases.Tweak;
import io.github.gradprop.model.GradientModel;
import io.github.gradprop.testmodels.ReferenceMlp;
import java.util.List;

/** The models of the kink tests: each correct model with kinks, and its buggy twin. */
final class KinkModels {

  /**
   * A correct model, a twin with a bug that lives on an open set, how to draw its targets, and how
   * to put a case on its kinks.
   */
  record Entry(
      String name,
      GradientModel correct,
      GradientModel buggy,
      String bug,
      Targets targets,
      Tweak tweak) {
    @Override
    public String toString() {
      return name;
    }
  }

  private KinkModels() {}

  static List<Entry> all() {
    return List.of(
        new Entry(
            "relu",
            new Net("relu, squared error", Layers.relu(), Layers.squaredError()),
            new Net(
                "relu, squared error, mask of the first row",
                Layers.relu(),
                Layers.squaredError(),
                0,
                false,
                true),
            "wrong mask",
            Targets.REAL,
            KinkCases.preActivationAt(0)),
        new Entry(
            "relu + softmax cross-entropy",
            new ReferenceMlp(),
            new Net(
                "relu, softmax cross-entropy, mask of the first row",
                Layers.relu(),
                Layers.softmaxCrossEntropy(),
                0,
                false,
                true),
            "wrong mask",
            Targets.ONE_HOT,
            KinkCases.preActivationAt(0)),
        new Entry(
            "leaky relu",
            new Net("leaky relu, squared error", Layers.leaky(0.1, 0.1), Layers.squaredError()),
            new Net(
                "leaky relu, squared error, slope 0.01 in backward",
                Layers.leaky(0.1, 0.01),
                Layers.squaredError()),
            "wrong slope",
            Targets.REAL,
            KinkCases.preActivationAt(0)),
        new Entry(
            "prelu",
            new PReluNet(true),
            new PReluNet(false),
            "wrong mask",
            Targets.REAL,
            KinkCases.preActivationAt(0)),
        new Entry(
            "hard-tanh",
            new Net("hard-tanh, squared error", Layers.hardTanh(true), Layers.squaredError()),
            new Net(
                "hard-tanh, squared error, no clamp mask",
                Layers.hardTanh(false),
                Layers.squaredError()),
            "wrong mask",
            Targets.REAL,
            KinkCases.preActivationAt(-1, 1)),
        new Entry(
            "abs",
            new Net("abs, squared error", Layers.abs(true), Layers.squaredError()),
            new Net("abs, squared error, slope 1", Layers.abs(false), Layers.squaredError()),
            "wrong slope",
            Targets.REAL,
            KinkCases.preActivationAt(0)),
        new Entry(
            "maxout",
            new MaxoutNet(Routing.FIRST_OF_TIES),
            new MaxoutNet(Routing.ALWAYS_FIRST),
            "wrong mask",
            Targets.REAL,
            KinkCases.maxoutTies()),
        new Entry(
            "max-pool",
            new MaxPoolNet(Routing.FIRST_OF_TIES),
            new MaxPoolNet(Routing.ALWAYS_FIRST),
            "wrong mask",
            Targets.REAL,
            KinkCases.poolTies()),
        new Entry(
            "hinge",
            new Net("linear, hinge", Layers.identity(), Layers.hinge(true)),
            new Net("linear, hinge, label dropped", Layers.identity(), Layers.hinge(false)),
            "missing term",
            Targets.SIGN,
            KinkCases.outputAt(Layers.identity(), 0)),
        new Entry(
            "l1",
            new Net(
                "relu, squared error, l1", Layers.relu(), Layers.squaredError(), 0.1, true, false),
            new Net(
                "relu, squared error, l1 missing in backward",
                Layers.relu(),
                Layers.squaredError(),
                0.1,
                false,
                false),
            "missing term",
            Targets.REAL,
            KinkCases.preActivationAt(0)),
        new Entry(
            "concatenated relu",
            new CReluNet(true),
            new CReluNet(false),
            "missing term",
            Targets.REAL,
            KinkCases.preActivationAt(0)),
        new Entry(
            "huber",
            new Net("tanh, huber", Layers.tanh(), Layers.huber(true)),
            new Net("tanh, huber, unclipped backward", Layers.tanh(), Layers.huber(false)),
            "wrong slope",
            Targets.REAL,
            KinkCases.outputAt(Layers.tanh(), -1, 1)),
        new Entry(
            "elu",
            new Net("elu, squared error", Layers.elu(true), Layers.squaredError()),
            new Net("elu, squared error, value as slope", Layers.elu(false), Layers.squaredError()),
            "wrong slope",
            Targets.REAL,
            KinkCases.preActivationAt(0)));
  }
}
