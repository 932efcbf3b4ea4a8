package io.github.gradprop.bench;

import io.github.gradprop.GradientCheck;
import io.github.gradprop.GradientProperty;
import io.github.gradprop.model.Batch;
import io.github.gradprop.model.Parameters;
import io.github.gradprop.testmodels.ReferenceMlp;

/** Fixtures of {@link LargePropertyBenchmark}: an MLP 100-500-100 at batch 16, 100,600 weights. */
class LargeMlpTestCases {

  static final String[] DIMS = {"batch = 16", "in = 100", "hidden = 500", "out = 100"};

  /** The reference MLP whose gradient of {@code w2} is 10 % too large: a bug in one layer. */
  static final class WrongSecondLayer extends ReferenceMlp {
    @Override
    public void gradient(Parameters p, Batch b, Parameters g) {
      super.gradient(p, b, g);
      for (double[] row : g.matrix("w2")) {
        for (int j = 0; j < row.length; j++) {
          row[j] *= 1.1;
        }
      }
    }
  }

  static class Correct {
    @GradientProperty(
        tries = 100,
        dims = {"batch = 16", "in = 100", "hidden = 500", "out = 100"})
    void correct(GradientCheck check) {
      check.that(new ReferenceMlp());
    }
  }

  /** {@link BugInOneLayer} with every try and every shrink candidate checked entry by entry. */
  static class BugInOneLayerFull {
    @GradientProperty(
        tries = 100,
        dims = {"batch = 1..16", "in = 1..100", "hidden = 1..500", "out = 1..100"},
        directionalAbove = Integer.MAX_VALUE,
        maxLossCalls = 250_000) // the largest dims need 201,202 loss calls entry by entry
    void bugInOneLayer(GradientCheck check) {
      check.that(new WrongSecondLayer());
    }
  }

  static class BugInOneLayer {
    @GradientProperty(
        tries = 100,
        dims = {"batch = 1..16", "in = 1..100", "hidden = 1..500", "out = 1..100"})
    void bugInOneLayer(GradientCheck check) {
      check.that(new WrongSecondLayer());
    }
  }
}
