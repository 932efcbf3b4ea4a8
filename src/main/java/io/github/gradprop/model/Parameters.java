package io.github.gradprop.model;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.linear.RealMatrix;
import org.apiguardian.api.API;

/**
 * The named parameter tensors of a model, or the gradient of the loss with respect to them (same
 * names and shapes).
 *
 * <p>You only <em>call</em> this type. Your loss reads parameters; your backward pass writes the
 * gradient, either in place ({@code gradient.matrix("w1")[i][j] = ...}) or with one of the {@code
 * set} methods, which check the shape and name the tensor when it is wrong.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Parameters {

  private final Map<String, Tensor> byName;
  private final List<Tensor> tensors;
  private final double[] flat;

  private Parameters(List<Tensor> tensors, double[] flat) {
    this.tensors = Collections.unmodifiableList(new ArrayList<>(tensors));
    Map<String, Tensor> map = new LinkedHashMap<>();
    for (Tensor t : tensors) {
      map.put(t.name(), t);
    }
    this.byName = map;
    this.flat = flat;
  }

  /** Zero parameters with the given shapes, stored in the given layout. */
  static Parameters zeros(List<String> names, List<int[]> shapes, ParameterLayout layout) {
    List<Tensor> tensors = new ArrayList<>();
    if (layout == ParameterLayout.FLAT) {
      int total = 0;
      for (int[] s : shapes) {
        total += Tensor.sizeOf(s);
      }
      double[] flat = new double[total];
      int offset = 0;
      for (int k = 0; k < names.size(); k++) {
        tensors.add(Tensor.view(names.get(k), shapes.get(k), flat, offset));
        offset += Tensor.sizeOf(shapes.get(k));
      }
      return new Parameters(tensors, flat);
    }
    for (int k = 0; k < names.size(); k++) {
      tensors.add(Tensor.zeros(names.get(k), shapes.get(k)));
    }
    return new Parameters(tensors, null);
  }

  /** Fresh zero parameters with the same names, shapes and layout as these. */
  public Parameters zerosLike() {
    List<String> names = new ArrayList<>();
    List<int[]> shapes = new ArrayList<>();
    for (Tensor t : tensors) {
      names.add(t.name());
      shapes.add(t.shape());
    }
    return zeros(names, shapes, layout());
  }

  /** A deep copy. */
  public Parameters copy() {
    Parameters copy = zerosLike();
    for (int k = 0; k < tensors.size(); k++) {
      copy.tensors.get(k).copyFrom(tensors.get(k));
    }
    return copy;
  }

  /** How these parameters are stored. */
  public ParameterLayout layout() {
    return flat != null ? ParameterLayout.FLAT : ParameterLayout.MATRICES;
  }

  /** The tensors, in declaration order. */
  public List<Tensor> tensors() {
    return tensors;
  }

  /** The tensor called {@code name}. */
  public Tensor tensor(String name) {
    Tensor t = byName.get(name);
    if (t == null) {
      throw new IllegalArgumentException(
          "No parameter tensor `" + name + "`; declared: " + byName.keySet());
    }
    return t;
  }

  /** The rank-2 tensor {@code name} as shared {@code double[][]} rows. */
  public double[][] matrix(String name) {
    return tensor(name).matrix();
  }

  /** The rank-2 tensor {@code name} as a Commons Math matrix sharing its storage. */
  public RealMatrix realMatrix(String name) {
    return tensor(name).realMatrix();
  }

  /** The tensor {@code name} as a shared {@code double[]} (rank 1, or rank 3 and above). */
  public double[] vector(String name) {
    return tensor(name).vector();
  }

  /**
   * All parameters as one shared {@code double[]}, in declaration order, row-major within each
   * tensor. Only for models declared with {@link ParameterLayout#FLAT}.
   */
  public double[] flat() {
    if (flat == null) {
      throw new IllegalStateException(
          "Parameters are stored per tensor (ParameterLayout.MATRICES); declare the model with"
              + " ParameterLayout.FLAT to read them as one double[]");
    }
    return flat;
  }

  /** The total number of entries over all tensors. */
  public int size() {
    int n = 0;
    for (Tensor t : tensors) {
      n += t.size();
    }
    return n;
  }

  /** Copies {@code values} into the rank-2 tensor {@code name}, checking its shape. */
  public void set(String name, double[][] values) {
    Tensor t = tensor(name);
    Shapes.checkMatrix(t, values);
    int cols = t.shape(1);
    for (int r = 0; r < values.length; r++) {
      for (int c = 0; c < cols; c++) {
        t.set(r * cols + c, values[r][c]);
      }
    }
  }

  /** Copies {@code values} (row-major, all entries) into the tensor {@code name}. */
  public void set(String name, double[] values) {
    Tensor t = tensor(name);
    if (values == null || values.length != t.size()) {
      throw new IllegalArgumentException(
          String.format(
              "Tensor `%s` of shape %s has %d entries, but %s were given",
              name,
              Arrays.toString(t.shape()),
              t.size(),
              values == null ? "null" : values.length + " values"));
    }
    for (int i = 0; i < values.length; i++) {
      t.set(i, values[i]);
    }
  }

  /** Copies {@code values} into the rank-2 tensor {@code name}, checking its shape. */
  public void set(String name, RealMatrix values) {
    set(name, values == null ? null : values.getData());
  }

  @Override
  public String toString() {
    return "Parameters" + tensors;
  }
}
