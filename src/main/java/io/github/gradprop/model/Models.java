package io.github.gradprop.model;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.github.gradprop.ModelConfigurationException;
import org.apiguardian.api.API;

/**
 * Use {@code Models} to make a {@link GradientModel} from lambdas, in the form your code already
 * has.
 *
 * <pre>{@code
 * // a MATLAB-style backprop(W, X, Y) over one flat weight vector
 * GradientModel seed = Models.flat(spec,   // sets ParameterLayout.FLAT
 *     (w, x, y) -> Seed.loss(w, x, y),
 *     (w, x, y) -> Seed.gradient(w, x, y));
 *
 * // per-layer double[][] (or RealMatrix) parameters
 * GradientModel mlp = Models.of(spec,
 *     (p, b) -> Mlp.loss(p.matrix("w1"), p.matrix("w2"), b.inputs(), b.targets()),
 *     (p, b, g) -> Mlp.backward(p.matrix("w1"), p.matrix("w2"), b.inputs(), b.targets(),
 *                                g.matrix("w1"), g.matrix("w2")));
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Models {

  private Models() {}

  /** A model from a loss and a backward pass over named parameter tensors. */
  public static GradientModel of(ModelSpec spec, LossFunction loss, GradientFunction gradient) {
    if (spec == null || loss == null || gradient == null) {
      throw new IllegalArgumentException("spec, loss and gradient must not be null");
    }
    return new GradientModel() {
      @Override
      public ModelSpec spec() {
        return spec;
      }

      @Override
      public double loss(Parameters params, Batch batch) {
        return loss.loss(params, batch);
      }

      @Override
      public void gradient(Parameters params, Batch batch, Parameters out) {
        gradient.gradient(params, batch, out);
      }

      @Override
      public String toString() {
        return spec.name();
      }
    };
  }

  /**
   * A model over one flat weight vector {@code w}, with rank-2 inputs and targets as rows. The
   * spec's layout is set to {@link ParameterLayout#FLAT}; the gradient must have exactly as many
   * entries as {@code w}.
   */
  public static GradientModel flat(ModelSpec spec, FlatLoss loss, FlatGradient gradient) {
    if (spec == null || loss == null || gradient == null) {
      throw new IllegalArgumentException("spec, loss and gradient must not be null");
    }
    ModelSpec flatSpec = spec.layout(ParameterLayout.FLAT);
    return of(
        flatSpec,
        (p, b) -> loss.loss(p.flat(), b.inputs(), b.hasTargets() ? b.targets() : null),
        (p, b, g) -> {
          double[] df =
              gradient.gradient(p.flat(), b.inputs(), b.hasTargets() ? b.targets() : null);
          double[] out = g.flat();
          if (df == null || df.length != out.length) {
            throw wrongLength(flatSpec.name(), df == null ? -1 : df.length, g);
          }
          System.arraycopy(df, 0, out, 0, out.length);
        });
  }

  /**
   * gradprop's own check of the flat contract, not an exception from user code: a {@link
   * ModelConfigurationException} in the report's shape, naming the tensor and both sizes.
   */
  private static ModelConfigurationException wrongLength(String model, int actual, Parameters g) {
    int expected = g.flat().length;
    return new ModelConfigurationException(
        String.format(
            "Model `%s` returned a gradient of the wrong length from gradient(...)%n"
                + "tensor   : the flat weight vector (%s)%n"
                + "expected : %d entries%n"
                + "actual   : %s",
            model, describeLayout(g), expected, actual < 0 ? "null" : actual + " entries"));
  }

  private static String describeLayout(Parameters p) {
    StringBuilder sb = new StringBuilder();
    int offset = 0;
    for (Tensor t : p.tensors()) {
      sb.append(sb.length() == 0 ? "" : ", ")
          .append(t.name())
          .append(' ')
          .append(java.util.Arrays.toString(t.shape()))
          .append(
              t.size() == 1
                  ? " is entry " + offset
                  : " is entries " + offset + ".." + (offset + t.size() - 1));
      offset += t.size();
    }
    return sb.toString();
  }
}
