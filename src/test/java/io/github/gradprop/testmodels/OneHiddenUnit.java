package io.github.gradprop.testmodels;

import io.github.gradprop.model.Case;
import io.github.gradprop.model.GradientModel;
import io.github.gradprop.model.ModelSpec;
import io.github.gradprop.model.Models;

/**
 * A network small enough to work out by hand: {@code yhat = w2 relu(w1 x)}, {@code L = 1/2 (yhat -
 * y)^2}. At {@link #aCase()} (x = [1, 2], w1 = [0.5, 0.5], w2 = 2, y = 1): z = 1.5, yhat = 3, r =
 * 2, L = 2, dL/dw1 = r w2 x = [4, 8], dL/dw2 = r z = 3. Only +, -, * on exactly representable
 * values, so the loss and the reports are identical on every JVM.
 */
public final class OneHiddenUnit {

  public static final ModelSpec SPEC =
      ModelSpec.named("one hidden unit, squared error")
          .inputs("batch", "in")
          .parameter("w1", "hidden", "in")
          .parameter("w2", "out", "hidden")
          .targets("batch", "out");

  private OneHiddenUnit() {}

  public static Case aCase() {
    return Case.builder(SPEC)
        .parameter("w1", new double[][] {{0.5, 0.5}})
        .parameter("w2", new double[][] {{2.0}})
        .inputs(new double[][] {{1.0, 2.0}})
        .targets(new double[][] {{1.0}})
        .build();
  }

  public static GradientModel correct() {
    return model(false);
  }

  /** The backward pass forgets the activation in dL/dw2: it returns r instead of r * a. */
  public static GradientModel forgettingTheActivation() {
    return model(true);
  }

  private static GradientModel model(boolean forgetActivation) {
    return Models.of(
        SPEC,
        (p, b) -> {
          double[] x = b.inputs()[0];
          double[] w1 = p.matrix("w1")[0];
          double z = w1[0] * x[0] + w1[1] * x[1];
          double a = z > 0 ? z : 0;
          double r = p.matrix("w2")[0][0] * a - b.targets()[0][0];
          return 0.5 * r * r;
        },
        (p, b, g) -> {
          double[] x = b.inputs()[0];
          double[] w1 = p.matrix("w1")[0];
          double w2 = p.matrix("w2")[0][0];
          double z = w1[0] * x[0] + w1[1] * x[1];
          double a = z > 0 ? z : 0;
          double r = w2 * a - b.targets()[0][0];
          double back = z > 0 ? r * w2 : 0;
          g.matrix("w1")[0][0] = back * x[0];
          g.matrix("w1")[0][1] = back * x[1];
          g.matrix("w2")[0][0] = forgetActivation ? r : r * a;
        });
  }
}
