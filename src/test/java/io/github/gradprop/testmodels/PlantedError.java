package io.github.gradprop.testmodels;

import io.github.gradprop.model.Batch;
import io.github.gradprop.model.GradientModel;
import io.github.gradprop.model.ModelSpec;
import io.github.gradprop.model.Parameters;
import io.github.gradprop.model.Tensor;

/** Wraps a correct model and scales one gradient entry by {@code 1 + relativeError}. */
public final class PlantedError implements GradientModel {
  private final GradientModel correct;
  private final String tensor;
  private final int flatIndex;
  private final double relativeError;

  public PlantedError(GradientModel correct, String tensor, int flatIndex, double relativeError) {
    this.correct = correct;
    this.tensor = tensor;
    this.flatIndex = flatIndex;
    this.relativeError = relativeError;
  }

  @Override
  public ModelSpec spec() {
    return correct.spec();
  }

  @Override
  public double loss(Parameters params, Batch batch) {
    return correct.loss(params, batch);
  }

  @Override
  public void gradient(Parameters params, Batch batch, Parameters gradient) {
    correct.gradient(params, batch, gradient);
    Tensor t = gradient.tensor(tensor);
    t.set(flatIndex, t.get(flatIndex) * (1 + relativeError));
  }
}
