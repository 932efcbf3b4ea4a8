package io.github.gradprop.property;

import io.github.gradprop.GradientCheck;
import io.github.gradprop.GradientProperty;
import io.github.gradprop.TargetKind;
import io.github.gradprop.testmodels.zoo.SoftmaxRegression;
import io.github.gradprop.testmodels.zoo.TanhRnn;

/**
 * Fixtures for {@link RegressionSnippetTests}: public, with public property methods, so that the
 * emitted regression test compiles and runs in a subclass loaded by another class loader.
 */
public class SnippetTestCases {

  /** A planted bug whose shrunk case has rank-2 tensors. */
  public static class Softmax {
    @GradientProperty
    public void missingOneOverBatch(GradientCheck check) {
      check.that(new SoftmaxRegression(SoftmaxRegression.Bug.MISSING_ONE_OVER_BATCH));
    }
  }

  /** A planted bug with rank-3 inputs and non-default options. */
  public static class Rnn {
    @GradientProperty(targets = TargetKind.REAL, rtol = 1e-7, atol = 1e-9)
    public void missingRecurrentTerm(GradientCheck check) {
      check.that(new TanhRnn(TanhRnn.Bug.MISSING_RECURRENT_TERM));
    }
  }
}
