package io.github.gradprop.model;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * The data a loss is computed on: the inputs and, when the model declares them, the targets.
 *
 * <p>You only <em>call</em> this type. Rank-2 inputs and targets read as {@code double[][]} with
 * one row per example, like {@code X} and {@code Y} of a MATLAB {@code backprop(W, X, Y)}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Batch {

  private final Tensor inputs;
  private final Tensor targets;

  Batch(Tensor inputs, Tensor targets) {
    this.inputs = inputs;
    this.targets = targets;
  }

  /** The inputs as shared rows, e.g. {@code batch x in}. */
  public double[][] inputs() {
    return inputs.matrix();
  }

  /** The targets as shared rows, e.g. {@code batch x out}. */
  public double[][] targets() {
    return targetTensor().matrix();
  }

  /** The inputs as a tensor (any rank). */
  public Tensor inputTensor() {
    return inputs;
  }

  /** The targets as a tensor (any rank). */
  public Tensor targetTensor() {
    if (targets == null) {
      throw new IllegalStateException("The model declares no targets (ModelSpec.targets(...))");
    }
    return targets;
  }

  /** Whether the model declares targets. */
  public boolean hasTargets() {
    return targets != null;
  }

  /** A deep copy. */
  public Batch copy() {
    Tensor in = Tensor.zeros(inputs.name(), inputs.shape());
    in.copyFrom(inputs);
    Tensor out = null;
    if (targets != null) {
      out = Tensor.zeros(targets.name(), targets.shape());
      out.copyFrom(targets);
    }
    return new Batch(in, out);
  }

  @Override
  public String toString() {
    return "Batch[" + inputs + (targets == null ? "" : ", " + targets) + "]";
  }
}
