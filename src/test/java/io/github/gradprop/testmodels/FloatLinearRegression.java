package io.github.gradprop.testmodels;

import io.github.gradprop.model.Batch;
import io.github.gradprop.model.GradientModel;
import io.github.gradprop.model.ModelSpec;
import io.github.gradprop.model.Parameters;

/**
 * Linear regression with squared error whose forward and backward run in {@code float}, as in a
 * library built on {@code float[]}; optionally with every weight gradient 1% too large.
 */
public final class FloatLinearRegression implements GradientModel {

  private final float gradientScale;
  private final boolean doubleSum;

  public FloatLinearRegression(boolean onePercentOff) {
    this(onePercentOff, false);
  }

  /**
   * With {@code doubleSum}, the residuals are computed in float but the loss is summed in double,
   * so the loss values are not float numbers, yet carry float rounding.
   */
  public FloatLinearRegression(boolean onePercentOff, boolean doubleSum) {
    this.gradientScale = onePercentOff ? 1.01f : 1.0f;
    this.doubleSum = doubleSum;
  }

  @Override
  public ModelSpec spec() {
    return ModelSpec.named("float linear regression" + (gradientScale != 1.0f ? " (1% off)" : ""))
        .inputs("batch", "in")
        .parameter("w", "out", "in")
        .targets("batch", "out");
  }

  @Override
  public double loss(Parameters p, Batch b) {
    return run(p, b, null);
  }

  @Override
  public void gradient(Parameters p, Batch b, Parameters g) {
    run(p, b, g);
  }

  private double run(Parameters p, Batch b, Parameters g) {
    double[][] w = p.matrix("w");
    double[][] x = b.inputs();
    double[][] y = b.targets();
    float loss = 0f;
    double wide = 0;
    for (int n = 0; n < x.length; n++) {
      for (int k = 0; k < w.length; k++) {
        float z = 0f;
        for (int i = 0; i < x[n].length; i++) {
          z += (float) w[k][i] * (float) x[n][i];
        }
        float r = z - (float) y[n][k];
        loss += 0.5f * r * r;
        wide += 0.5 * r * r;
        if (g != null) {
          for (int i = 0; i < x[n].length; i++) {
            g.matrix("w")[k][i] += gradientScale * r * (float) x[n][i];
          }
        }
      }
    }
    return doubleSum ? wide : loss;
  }
}
