package io.github.gradprop.internal.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.github.gradprop.CheckOptions;
import io.github.gradprop.DifferenceScheme;
import io.github.gradprop.KinkPolicy;
import io.github.gradprop.LossPrecision;
import io.github.gradprop.model.Case;
import io.github.gradprop.model.ModelSpec;
import io.github.gradprop.model.Tensor;
import io.github.gradprop.model.TensorSpec;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The JUnit test a failing property's message ends with: it rebuilds the shrunk case with literal
 * values ({@link Case#builder}, values via {@link Double#toString}, so they round-trip exactly) and
 * calls {@code Gradients.assertCorrect} on the model the property names, with the property's
 * options. Pasted into the class that declares the property, it compiles as it is: it calls the
 * property method with a lambda as the {@code GradientCheck}, to get the same model.
 */
@API(status = INTERNAL, since = "0.1")
public final class RegressionSnippet {

  /** Cases with more values than this get no snippet (the replay file keeps every value). */
  static final int MAX_VALUES = 1000;

  private static final String INDENT = "    ";

  private RegressionSnippet() {}

  /** The imports the snippet needs, one per line. */
  public static final String IMPORTS =
      String.format(
          "import io.github.gradprop.CheckOptions;%n"
              + "import io.github.gradprop.Gradients;%n"
              + "import io.github.gradprop.model.Case;%n"
              + "import io.github.gradprop.model.GradientModel;%n"
              + "import org.junit.jupiter.api.Test;%n");

  /**
   * The snippet for property {@code method} (declared in {@code declaringClass}, as text) that
   * failed on {@code shrunk} with {@code options} and {@code seed}; the empty string when the case
   * is too large to print.
   */
  public static String format(
      String declaringClass, String method, long seed, Case shrunk, CheckOptions options) {
    int values = 0;
    for (Tensor t : shrunk.tensors()) {
      values += t.size();
    }
    if (values > MAX_VALUES) {
      return String.format(
          "regression test: not printed, the case has %d values (more than %d)%n",
          values, MAX_VALUES);
    }
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            "regression test (paste into %s, next to %s):%n"
                + "  // imports: CheckOptions, Gradients, model.Case, model.GradientModel,"
                + " org.junit.jupiter.api.Test%n",
            declaringClass, method));
    sb.append(String.format("  @Test%n"));
    sb.append(String.format("  void %s_seed%d() {%n", method, seed));
    line(sb, "GradientModel[] model = new GradientModel[1];");
    line(sb, method + "(m -> model[0] = m); // the model the property checks");
    line(sb, "Case shrunk =");
    line(sb, INDENT + "Case.builder(model[0].spec())");
    line(sb, INDENT + INDENT + dims(shrunk));
    for (Tensor t : shrunk.tensors()) {
      line(sb, INDENT + INDENT + tensorCall(shrunk.spec(), t));
    }
    line(sb, INDENT + INDENT + ".build();");
    line(sb, "Gradients.assertCorrect(model[0], shrunk, " + options(options) + ");");
    sb.append(String.format("  }%n"));
    return sb.toString();
  }

  private static void line(StringBuilder sb, String text) {
    sb.append("    ").append(text).append(String.format("%n"));
  }

  private static String dims(Case c) {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, Integer> e : c.dims().entrySet()) {
      sb.append(".dim(\"").append(e.getKey()).append("\", ").append(e.getValue()).append(')');
    }
    return sb.toString();
  }

  /**
   * The builder call that gives tensor {@code t}, e.g. {@code .parameter("w", new double[]...)}.
   */
  static String tensorCall(ModelSpec spec, Tensor t) {
    String name = t.name();
    int rank = t.rank();
    boolean parameter = isParameter(spec, name);
    if (rank == 0 && parameter) {
      return ".parameter(\"" + name + "\", " + value(t.get(0)) + ")";
    }
    int maxRank = name.equals(ModelSpec.INPUTS) || name.equals(ModelSpec.TARGETS) ? 4 : 3;
    maxRank = parameter ? 4 : maxRank;
    boolean nested = rank >= 1 && rank <= maxRank;
    String literal = nested ? nested(t) : flat(t);
    int dims = nested ? rank : 1;
    String array = "new double" + "[]".repeat(dims) + " " + literal;
    if (name.equals(ModelSpec.INPUTS)) {
      return ".inputs(" + array + ")";
    }
    if (name.equals(ModelSpec.TARGETS)) {
      return ".targets(" + array + ")";
    }
    return (parameter ? ".parameter(\"" : ".data(\"") + name + "\", " + array + ")";
  }

  private static boolean isParameter(ModelSpec spec, String name) {
    for (TensorSpec p : spec.parameters()) {
      if (p.name().equals(name)) {
        return true;
      }
    }
    return false;
  }

  /** A double as a Java expression that evaluates to exactly the same value. */
  static String value(double v) {
    if (Double.isNaN(v)) {
      return "Double.NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "Double.POSITIVE_INFINITY" : "Double.NEGATIVE_INFINITY";
    }
    return Double.toString(v);
  }

  private static String flat(Tensor t) {
    StringBuilder sb = new StringBuilder("{");
    for (int i = 0; i < t.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(value(t.get(i)));
    }
    return sb.append('}').toString();
  }

  private static String nested(Tensor t) {
    StringBuilder sb = new StringBuilder();
    appendAxis(sb, t, t.shape(), 0, 0);
    return sb.toString();
  }

  private static void appendAxis(StringBuilder sb, Tensor t, int[] shape, int axis, int offset) {
    int stride = 1;
    for (int a = axis + 1; a < shape.length; a++) {
      stride *= shape[a];
    }
    sb.append('{');
    for (int i = 0; i < shape[axis]; i++) {
      sb.append(i == 0 ? "" : ", ");
      if (axis == shape.length - 1) {
        sb.append(value(t.get(offset + i)));
      } else {
        appendAxis(sb, t, shape, axis + 1, offset + i * stride);
      }
    }
    sb.append('}');
  }

  /** The options as a Java expression, naming only what differs from the defaults. */
  static String options(CheckOptions o) {
    StringBuilder sb = new StringBuilder("CheckOptions.defaults()");
    if (o.scheme() != DifferenceScheme.CENTRAL) {
      sb.append(".withScheme(io.github.gradprop.DifferenceScheme.").append(o.scheme()).append(')');
    }
    if (o.lossPrecision() != LossPrecision.DOUBLE) {
      sb.append(".withLossPrecision(io.github.gradprop.LossPrecision.")
          .append(o.lossPrecision())
          .append(')');
    }
    if (Double.compare(o.step(), o.scheme().defaultStep(o.lossPrecision())) != 0) {
      sb.append(".withStep(").append(value(o.step())).append(')');
    }
    if (Double.compare(o.atol(), CheckOptions.DEFAULT_ATOL) != 0) {
      sb.append(".withAtol(").append(value(o.atol())).append(')');
    }
    if (Double.compare(o.rtol(), CheckOptions.DEFAULT_RTOL) != 0) {
      sb.append(".withRtol(").append(value(o.rtol())).append(')');
    }
    if (o.kinkPolicy() != KinkPolicy.CONFIRM) {
      sb.append(".withKinkPolicy(io.github.gradprop.KinkPolicy.")
          .append(o.kinkPolicy())
          .append(')');
    }
    return sb.toString();
  }
}
