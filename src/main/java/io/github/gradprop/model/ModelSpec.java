package io.github.gradprop.model;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.github.gradprop.ModelConfigurationException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * Use {@code ModelSpec} to declare, once and symbolically, the tensors of your model: its
 * parameters, its inputs and its targets, with shapes over named dimensions.
 *
 * <p>You only <em>call</em> this type. Axes are dimension names or small integer expressions over
 * them ({@code +}, {@code -}, {@code *}, parentheses), so a bias column reads {@code "in + 1"}:
 *
 * <pre>{@code
 * ModelSpec spec = ModelSpec.named("two-layer relu, cross-entropy")
 *     .inputs("batch", "in")
 *     .parameter("w1", "hidden", "in + 1")
 *     .parameter("w2", "out", "hidden + 1")
 *     .targets("batch", "out")
 *     .layout(ParameterLayout.FLAT);
 * }</pre>
 *
 * <p>Instances are immutable; each method returns a new spec.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ModelSpec {

  /** The name under which inputs appear in reports. */
  public static final String INPUTS = "inputs";

  /** The name under which targets appear in reports. */
  public static final String TARGETS = "targets";

  private final String name;
  private final List<TensorSpec> parameters;
  private final TensorSpec inputs;
  private final TensorSpec targets;
  private final ParameterLayout layout;
  private final List<String> dimOrder;
  private final List<TensorSpec> data;

  private ModelSpec(
      String name,
      List<TensorSpec> parameters,
      TensorSpec inputs,
      TensorSpec targets,
      ParameterLayout layout,
      List<String> dimOrder,
      List<TensorSpec> data) {
    this.name = name;
    this.parameters = Collections.unmodifiableList(parameters);
    this.inputs = inputs;
    this.targets = targets;
    this.layout = layout;
    this.dimOrder = Collections.unmodifiableList(dimOrder);
    this.data = Collections.unmodifiableList(data);
  }

  /** Starts a spec for a model called {@code name}, the name reports use. */
  public static ModelSpec named(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("A model needs a non-blank name");
    }
    return new ModelSpec(
        name, new ArrayList<>(), null, null, ParameterLayout.MATRICES, List.of(), List.of());
  }

  /** The same spec under another name, e.g. for a buggy twin of a model. */
  public ModelSpec renamed(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("A model needs a non-blank name");
    }
    return new ModelSpec(name, parameters, inputs, targets, layout, dimOrder, data);
  }

  /** Adds a parameter tensor {@code name} with the given axes. */
  public ModelSpec parameter(String name, String... axes) {
    checkNewName(name);
    List<TensorSpec> ps = new ArrayList<>(parameters);
    ps.add(tensor(name, axes));
    return new ModelSpec(this.name, ps, inputs, targets, layout, dimOrder, data);
  }

  /**
   * Adds a further data tensor {@code name}, such as a mask or a second input: drawn like the
   * inputs, never differentiated, read with {@link Batch#data(String)}.
   *
   * <pre>{@code
   * ModelSpec.named("masked attention").inputs("batch", "seq", "d").data("mask", "batch", "seq")
   * }</pre>
   */
  public ModelSpec data(String name, String... axes) {
    checkNewName(name);
    List<TensorSpec> ds = new ArrayList<>(data);
    ds.add(tensor(name, axes));
    return new ModelSpec(this.name, parameters, inputs, targets, layout, dimOrder, ds);
  }

  /**
   * The tensor, its axes checked when the spec is built: a malformed axis ({@code "in +"}, {@code
   * "2*"}, {@code "-1"}) or a constant one below 1 ({@code "0"}) is a {@link
   * ModelConfigurationException} naming the model, the tensor and the axis.
   */
  private TensorSpec tensor(String tensor, String... axes) {
    for (int k = 0; axes != null && k < axes.length; k++) {
      if (axes[k] == null) {
        continue; // TensorSpec names a null axis
      }
      String problem;
      try {
        ShapeExpression e = ShapeExpression.parse(axes[k]);
        if (!e.names().isEmpty()) {
          continue;
        }
        e.evaluate(Map.of());
        continue;
      } catch (IllegalArgumentException ex) {
        problem = ex.getMessage();
      }
      throw new ModelConfigurationException(
          String.format(
              "Model `%s` declares tensor `%s` with a malformed shape: axis %d is \"%s\".%n"
                  + "problem : %s%n"
                  + "An axis is a dimension name, an integer >= 1, or an expression of them with"
                  + " + - * and parentheses, e.g. \"hidden\", \"3\", \"in + 1\", \"2 * hidden\".",
              name, tensor, k, axes[k], problem));
    }
    return new TensorSpec(tensor, axes);
  }

  /**
   * Checks that the spec can be checked at all: it declares {@code inputs(...)} and at least one
   * parameter. gradprop calls this when the spec is first used (a property or {@link
   * io.github.gradprop.Gradients}); a spec built step by step is incomplete until then.
   *
   * @throws ModelConfigurationException naming the model and what it lacks
   */
  public void requireCheckable() {
    if (inputs == null) {
      throw new ModelConfigurationException(
          String.format(
              "Model `%s` declares no inputs(...); declare them, e.g. .inputs(\"batch\", \"in\").",
              name));
    }
    if (parameters.isEmpty()) {
      throw new ModelConfigurationException(
          String.format(
              "Model `%s` declares no parameter(...), so there is no gradient to check; declare"
                  + " the weights, e.g. .parameter(\"w\", \"out\", \"in\").",
              name));
    }
  }

  private void checkNewName(String name) {
    if (INPUTS.equals(name) || TARGETS.equals(name)) {
      throw new IllegalArgumentException("`" + name + "` is reserved; pick another tensor name");
    }
    for (TensorSpec t : parameters) {
      if (t.name().equals(name)) {
        throw new IllegalArgumentException("Tensor `" + name + "` is declared twice");
      }
    }
    for (TensorSpec t : data) {
      if (t.name().equals(name)) {
        throw new IllegalArgumentException("Tensor `" + name + "` is declared twice");
      }
    }
  }

  /** The further data tensors, in declaration order. */
  public List<TensorSpec> data() {
    return data;
  }

  /** Declares the inputs' axes, e.g. {@code inputs("batch", "in")}. */
  public ModelSpec inputs(String... axes) {
    return new ModelSpec(name, parameters, tensor(INPUTS, axes), targets, layout, dimOrder, data);
  }

  /** Declares the targets' axes, e.g. {@code targets("batch", "out")}. */
  public ModelSpec targets(String... axes) {
    return new ModelSpec(name, parameters, inputs, tensor(TARGETS, axes), layout, dimOrder, data);
  }

  /** Chooses how parameters are stored; {@link ParameterLayout#MATRICES} by default. */
  public ModelSpec layout(ParameterLayout layout) {
    if (layout == null) {
      throw new IllegalArgumentException("layout must not be null");
    }
    return new ModelSpec(name, parameters, inputs, targets, layout, dimOrder, data);
  }

  /**
   * Fixes the order in which dimensions are listed in reports; by default, the order in which
   * inputs, parameters and targets first mention them.
   */
  public ModelSpec dimOrder(String... dims) {
    return new ModelSpec(name, parameters, inputs, targets, layout, List.of(dims), data);
  }

  /** The model's name. */
  public String name() {
    return name;
  }

  /** The parameter tensors, in declaration order. */
  public List<TensorSpec> parameters() {
    return parameters;
  }

  /** The inputs' declared shape. */
  public TensorSpec inputs() {
    if (inputs == null) {
      throw new IllegalStateException("Model `" + name + "` declares no inputs(...)");
    }
    return inputs;
  }

  /** The targets' declared shape, or null when the model has none. */
  public TensorSpec targetsOrNull() {
    return targets;
  }

  /** The parameter layout. */
  public ParameterLayout layout() {
    return layout;
  }

  /** All tensors: inputs, further data, parameters, then targets. */
  public List<TensorSpec> allTensors() {
    List<TensorSpec> all = new ArrayList<>();
    all.add(inputs());
    all.addAll(data);
    all.addAll(parameters);
    if (targets != null) {
      all.add(targets);
    }
    return all;
  }

  /** Every dimension name the tensors mention, in report order. */
  public List<String> dims() {
    Set<String> seen = new LinkedHashSet<>();
    for (TensorSpec t : allTensors()) {
      seen.addAll(t.dims());
    }
    List<String> ordered = new ArrayList<>();
    for (String d : dimOrder) {
      if (seen.remove(d)) {
        ordered.add(d);
      }
    }
    ordered.addAll(seen);
    return ordered;
  }

  /** Checks that {@code dims} gives every dimension and that every axis comes out >= 1. */
  public void validate(Map<String, Integer> dims) {
    for (String d : dims()) {
      Integer v = dims.get(d);
      if (v == null) {
        throw new IllegalArgumentException(
            "Model `" + name + "`: no value for dimension `" + d + "`");
      }
      if (v < 1) {
        throw new IllegalArgumentException(
            "Model `" + name + "`: dimension `" + d + "` must be >= 1, but was " + v);
      }
    }
    for (TensorSpec t : allTensors()) {
      t.shape(dims);
    }
  }

  @Override
  public String toString() {
    return "ModelSpec[" + name + ": " + allTensors() + ", " + layout + "]";
  }
}
