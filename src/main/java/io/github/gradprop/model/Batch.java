package io.github.gradprop.model;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.ArrayList;
import java.util.List;
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
  private final List<Tensor> data;

  Batch(Tensor inputs, Tensor targets) {
    this(inputs, List.of(), targets);
  }

  Batch(Tensor inputs, List<Tensor> data, Tensor targets) {
    this.inputs = inputs;
    this.targets = targets;
    this.data = List.copyOf(data);
  }

  /** The further data tensor {@code name} declared with {@link ModelSpec#data}. */
  public Tensor data(String name) {
    for (Tensor t : data) {
      if (t.name().equals(name)) {
        return t;
      }
    }
    throw new IllegalArgumentException("No data tensor `" + name + "`; declared: " + data);
  }

  /** The further data tensors, in declaration order. */
  public List<Tensor> dataTensors() {
    return data;
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
    List<Tensor> copies = new ArrayList<>();
    for (Tensor t : data) {
      Tensor c = Tensor.zeros(t.name(), t.shape());
      c.copyFrom(t);
      copies.add(c);
    }
    return new Batch(in, copies, out);
  }

  @Override
  public String toString() {
    return "Batch[" + inputs + (targets == null ? "" : ", " + targets) + "]";
  }
}
