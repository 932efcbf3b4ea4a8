package io.github.gradprop.model;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * One concrete case to check: a value for every dimension, the parameters, and the batch.
 *
 * <p>You only <em>call</em> this type. Build a case from the arrays you already have; dimensions
 * are read off their shapes (give the rest with {@link Builder#dim}):
 *
 * <pre>{@code
 * Case c = Case.builder(spec)
 *     .parameter("w1", new double[][] {{0.5, -1.0}})
 *     .parameter("w2", new double[][] {{2.0, 0.0}})
 *     .inputs(new double[][] {{1.0}})
 *     .targets(new double[][] {{1.0}})
 *     .build();
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Case {

  private final ModelSpec spec;
  private final Map<String, Integer> dims;
  private final Parameters parameters;
  private final Batch batch;

  private Case(ModelSpec spec, Map<String, Integer> dims, Parameters parameters, Batch batch) {
    this.spec = spec;
    this.dims = Collections.unmodifiableMap(dims);
    this.parameters = parameters;
    this.batch = batch;
  }

  /** Starts building a case for {@code spec}. */
  public static Builder builder(ModelSpec spec) {
    return new Builder(spec);
  }

  /** A case of all zeros with the given dimensions, to fill in place. */
  public static Case zeros(ModelSpec spec, Map<String, Integer> dims) {
    spec.validate(dims);
    Map<String, Integer> ordered = new LinkedHashMap<>();
    for (String d : spec.dims()) {
      ordered.put(d, dims.get(d));
    }
    List<String> names = new ArrayList<>();
    List<int[]> shapes = new ArrayList<>();
    for (TensorSpec p : spec.parameters()) {
      names.add(p.name());
      shapes.add(p.shape(ordered));
    }
    Parameters parameters = Parameters.zeros(names, shapes, spec.layout());
    Tensor inputs = Tensor.zeros(ModelSpec.INPUTS, spec.inputs().shape(ordered));
    List<Tensor> data = new ArrayList<>();
    for (TensorSpec d : spec.data()) {
      data.add(Tensor.zeros(d.name(), d.shape(ordered)));
    }
    TensorSpec targetSpec = spec.targetsOrNull();
    Tensor targets =
        targetSpec == null ? null : Tensor.zeros(ModelSpec.TARGETS, targetSpec.shape(ordered));
    return new Case(spec, ordered, parameters, new Batch(inputs, data, targets));
  }

  /** The spec this case follows. */
  public ModelSpec spec() {
    return spec;
  }

  /** The value of every dimension, in report order. */
  public Map<String, Integer> dims() {
    return dims;
  }

  /** The value of dimension {@code name}. */
  public int dim(String name) {
    Integer v = dims.get(name);
    if (v == null) {
      throw new IllegalArgumentException("No dimension `" + name + "`; known: " + dims.keySet());
    }
    return v;
  }

  /** The parameters (shared: writes change this case). */
  public Parameters parameters() {
    return parameters;
  }

  /** The batch (shared: writes change this case). */
  public Batch batch() {
    return batch;
  }

  /** Every tensor of the case: inputs, further data, parameters, then targets. */
  public List<Tensor> tensors() {
    List<Tensor> all = new ArrayList<>();
    all.add(batch.inputTensor());
    all.addAll(batch.dataTensors());
    all.addAll(parameters.tensors());
    if (batch.hasTargets()) {
      all.add(batch.targetTensor());
    }
    return all;
  }

  /** A deep copy. */
  public Case copy() {
    return new Case(spec, new LinkedHashMap<>(dims), parameters.copy(), batch.copy());
  }

  /** The dimensions as text, e.g. {@code batch=1 in=1 hidden=1 out=1}. */
  public String dimsText() {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, Integer> e : dims.entrySet()) {
      sb.append(sb.length() == 0 ? "" : " ").append(e.getKey()).append('=').append(e.getValue());
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return "Case[" + spec.name() + ": " + dimsText() + "]";
  }

  /** Builds a {@link Case} from arrays; see {@link Case#builder}. */
  @API(status = EXPERIMENTAL, since = "0.1")
  public static final class Builder {
    private final ModelSpec spec;
    private final Map<String, Integer> dims = new LinkedHashMap<>();
    private final Map<String, double[][]> matrices = new LinkedHashMap<>();
    private final Map<String, double[]> arrays = new LinkedHashMap<>();
    private final Map<String, double[][][]> cubes = new LinkedHashMap<>();
    private final Map<String, Double> scalars = new LinkedHashMap<>();
    private final Map<String, double[][][][]> rank4 = new LinkedHashMap<>();
    private double[] flat;

    private Builder(ModelSpec spec) {
      if (spec == null) {
        throw new IllegalArgumentException("spec must not be null");
      }
      this.spec = spec;
    }

    /** Gives dimension {@code name} explicitly (needed when no array shape reveals it). */
    public Builder dim(String name, int value) {
      if (!spec.dims().contains(name)) {
        throw new IllegalArgumentException(
            "Model `" + spec.name() + "` has no dimension `" + name + "`; known: " + spec.dims());
      }
      dims.put(name, value);
      return this;
    }

    /** Gives the rank-2 parameter {@code name}. */
    public Builder parameter(String name, double[][] values) {
      matrices.put(checkParameter(name), values);
      return this;
    }

    /** Gives parameter {@code name} as its row-major entries (a vector for rank 1). */
    public Builder parameter(String name, double[] values) {
      arrays.put(checkParameter(name), values);
      return this;
    }

    /** Gives the rank-3 parameter {@code name}, such as a convolution kernel. */
    public Builder parameter(String name, double[][][] values) {
      cubes.put(checkParameter(name), values);
      return this;
    }

    /** Gives the rank-4 parameter {@code name}, such as a 2-D convolution kernel. */
    public Builder parameter(String name, double[][][][] values) {
      rank4.put(checkParameter(name), values);
      return this;
    }

    /** Gives the scalar (rank-0) parameter {@code name}, declared with no axes. */
    public Builder parameter(String name, double value) {
      scalars.put(checkParameter(name), value);
      return this;
    }

    /** Gives all parameters as one flat vector, in declaration order, row-major per tensor. */
    public Builder parameters(double[] flatValues) {
      this.flat = flatValues;
      return this;
    }

    /** Gives the inputs as rows. */
    public Builder inputs(double[][] values) {
      matrices.put(ModelSpec.INPUTS, values);
      return this;
    }

    /** Gives rank-3 inputs, such as {@code [batch, time, in]}. */
    public Builder inputs(double[][][] values) {
      cubes.put(ModelSpec.INPUTS, values);
      return this;
    }

    /** Gives rank-4 inputs, such as {@code [batch, channels, height, width]}. */
    public Builder inputs(double[][][][] values) {
      rank4.put(ModelSpec.INPUTS, values);
      return this;
    }

    /** Gives the inputs as their row-major entries (a vector for rank 1). */
    public Builder inputs(double[] values) {
      arrays.put(ModelSpec.INPUTS, values);
      return this;
    }

    /** Gives the further data tensor {@code name} (see {@link ModelSpec#data}) as rows. */
    public Builder data(String name, double[][] values) {
      matrices.put(checkData(name), values);
      return this;
    }

    /** Gives the further data tensor {@code name} as its row-major entries. */
    public Builder data(String name, double[] values) {
      arrays.put(checkData(name), values);
      return this;
    }

    /** Gives the rank-3 further data tensor {@code name}. */
    public Builder data(String name, double[][][] values) {
      cubes.put(checkData(name), values);
      return this;
    }

    /** Gives the targets as rows. */
    public Builder targets(double[][] values) {
      matrices.put(checkTargets(), values);
      return this;
    }

    /** Gives rank-3 targets, such as {@code [batch, seq, out]}. */
    public Builder targets(double[][][] values) {
      cubes.put(checkTargets(), values);
      return this;
    }

    /** Gives rank-4 targets, such as {@code [batch, channels, height, width]}. */
    public Builder targets(double[][][][] values) {
      rank4.put(checkTargets(), values);
      return this;
    }

    /** Gives the targets as their row-major entries (a vector for rank 1, one per example). */
    public Builder targets(double[] values) {
      arrays.put(checkTargets(), values);
      return this;
    }

    private String checkTargets() {
      if (spec.targetsOrNull() == null) {
        throw new IllegalArgumentException("Model `" + spec.name() + "` declares no targets(...)");
      }
      return ModelSpec.TARGETS;
    }

    private String checkParameter(String name) {
      for (TensorSpec p : spec.parameters()) {
        if (p.name().equals(name)) {
          return name;
        }
      }
      throw new IllegalArgumentException(
          "Model `" + spec.name() + "` has no parameter `" + name + "`");
    }

    /** Builds the case, inferring dimensions and checking every shape. */
    public Case build() {
      new CaseShapes(spec, dims, matrices, arrays, cubes, rank4, flat).infer();
      Case c = zeros(spec, dims);
      fillFlat(c);
      checkEveryTensorGiven();
      fillMatrices(c);
      fillArrays(c);
      fillCubes(c);
      fillRank4(c);
      fillScalars(c);
      return c;
    }

    private void fillFlat(Case c) {
      if (flat != null) {
        int expected = c.parameters().size();
        if (flat.length != expected) {
          throw new IllegalArgumentException(
              String.format(
                  "Model `%s`: the flat parameter vector needs %d entries for %s (%s), but has %d",
                  spec.name(), expected, c.dimsText(), spec.parameters(), flat.length));
        }
        int offset = 0;
        for (Tensor t : c.parameters().tensors()) {
          for (int i = 0; i < t.size(); i++) {
            t.set(i, flat[offset + i]);
          }
          offset += t.size();
        }
      }
    }

    private void checkEveryTensorGiven() {
      for (TensorSpec t : spec.allTensors()) {
        String n = t.name();
        boolean given =
            matrices.containsKey(n)
                || arrays.containsKey(n)
                || cubes.containsKey(n)
                || rank4.containsKey(n)
                || scalars.containsKey(n);
        if (!given && !(flat != null && isParameter(n))) {
          throw new IllegalArgumentException(
              "Model `" + spec.name() + "`: no values given for `" + n + "`");
        }
      }
    }

    private void fillMatrices(Case c) {
      for (Map.Entry<String, double[][]> e : matrices.entrySet()) {
        Tensor t = tensor(c, e.getKey());
        Shapes.checkMatrix(t, e.getValue());
        for (int r = 0; r < t.shape(0); r++) {
          for (int col = 0; col < t.shape(1); col++) {
            t.set(r * t.shape(1) + col, e.getValue()[r][col]);
          }
        }
      }
    }

    private void fillArrays(Case c) {
      for (Map.Entry<String, double[]> e : arrays.entrySet()) {
        Tensor t = tensor(c, e.getKey());
        double[] v = e.getValue();
        if (v == null || v.length != t.size()) {
          throw new IllegalArgumentException(
              String.format(
                  "Tensor `%s` of shape %s has %d entries, but %s were given",
                  t.name(),
                  Arrays.toString(t.shape()),
                  t.size(),
                  v == null ? "null" : v.length + " values"));
        }
        for (int i = 0; i < v.length; i++) {
          t.set(i, v[i]);
        }
      }
    }

    private void fillCubes(Case c) {
      for (Map.Entry<String, double[][][]> e : cubes.entrySet()) {
        Tensor t = tensor(c, e.getKey());
        int[] given = Shapes.shapeOf(t, e.getValue());
        if (!Arrays.equals(given, t.shape())) {
          throw new IllegalArgumentException(
              String.format(
                  "Tensor `%s` has shape %s for %s, but the array given has shape %s",
                  t.name(), Arrays.toString(t.shape()), c.dimsText(), Arrays.toString(given)));
        }
        int i = 0;
        for (double[][] plane : e.getValue()) {
          for (double[] row : plane) {
            for (double v : row) {
              t.set(i++, v);
            }
          }
        }
      }
    }

    private void fillRank4(Case c) {
      for (Map.Entry<String, double[][][][]> e : rank4.entrySet()) {
        Tensor t = tensor(c, e.getKey());
        int[] given = CaseShapes.rank4Shape(e.getValue());
        if (given == null || !Arrays.equals(given, t.shape())) {
          throw new IllegalArgumentException(
              String.format(
                  "Tensor `%s` has shape %s for %s, but the array given has shape %s",
                  t.name(),
                  Arrays.toString(t.shape()),
                  c.dimsText(),
                  given == null ? "that is not rectangular" : Arrays.toString(given)));
        }
        int i = 0;
        for (double[][][] cube : e.getValue()) {
          for (double[][] plane : cube) {
            for (double[] row : plane) {
              for (double v : row) {
                t.set(i++, v);
              }
            }
          }
        }
      }
    }

    private void fillScalars(Case c) {
      for (Map.Entry<String, Double> e : scalars.entrySet()) {
        Tensor t = tensor(c, e.getKey());
        if (t.rank() != 0) {
          throw new IllegalArgumentException(
              String.format(
                  "Tensor `%s` has shape %s; a single double fits only a scalar, declared with no"
                      + " axes",
                  t.name(), Arrays.toString(t.shape())));
        }
        t.set(0, e.getValue());
      }
    }

    private static Tensor tensor(Case c, String name) {
      for (Tensor t : c.tensors()) {
        if (t.name().equals(name)) {
          return t;
        }
      }
      throw new IllegalArgumentException("No tensor `" + name + "`");
    }

    private boolean isParameter(String name) {
      for (TensorSpec p : spec.parameters()) {
        if (p.name().equals(name)) {
          return true;
        }
      }
      return false;
    }

    private String checkData(String name) {
      for (TensorSpec d : spec.data()) {
        if (d.name().equals(name)) {
          return name;
        }
      }
      throw new IllegalArgumentException(
          "Model `" + spec.name() + "` declares no data tensor `" + name + "`");
    }
  }
}
