package io.github.gradprop.testmodels.zoo;

import io.github.gradprop.model.Batch;
import io.github.gradprop.model.GradientModel;
import io.github.gradprop.model.ModelSpec;
import io.github.gradprop.model.Parameters;
import io.github.gradprop.model.Tensor;

/**
 * A 1-D convolution layer (valid padding, stride 1) with a bias per output channel, tanh, and
 * squared error: inputs {@code [batch, channels, length]}, kernel {@code [out, channels, width]},
 * targets {@code [batch, out, length - width + 1]}. Checks the input gradient too.
 */
public final class Conv1d implements GradientModel {

  public enum Bug {
    NONE,
    /** The input gradient correlates with the kernel reversed ("flip it for the full conv"). */
    FLIPPED_KERNEL_IN_INPUT_GRADIENT,
    /** The backward loop over output positions stops one short (a fencepost error). */
    LAST_POSITION_SKIPPED
  }

  /** How the spec ties the sequence lengths together. */
  public enum Lengths {
    /** {@code inputs[batch, channels, length]}, {@code targets[..., length - width + 1]}. */
    DIFFERENCE,
    /** {@code inputs[batch, channels, width + extra - 1]}, {@code targets[..., extra]}. */
    SUM
  }

  private final Bug bug;
  private final ModelSpec spec;

  public Conv1d(Lengths lengths, Bug bug) {
    this.bug = bug;
    String name = "conv1d, tanh, squared error" + (bug == Bug.NONE ? "" : " (" + bug + ")");
    ModelSpec s = ModelSpec.named(name);
    if (lengths == Lengths.DIFFERENCE) {
      s =
          s.inputs("batch", "channels", "length")
              .parameter("kernel", "out", "channels", "width")
              .parameter("bias", "out")
              .targets("batch", "out", "length - width + 1");
    } else {
      s =
          s.inputs("batch", "channels", "width + extra - 1")
              .parameter("kernel", "out", "channels", "width")
              .parameter("bias", "out")
              .targets("batch", "out", "extra");
    }
    this.spec = s;
  }

  @Override
  public ModelSpec spec() {
    return spec;
  }

  @Override
  public double loss(Parameters p, Batch b) {
    return run(p, b, null, null);
  }

  @Override
  public void gradient(Parameters p, Batch b, Parameters g) {
    run(p, b, g, null);
  }

  @Override
  public boolean hasInputGradient() {
    return true;
  }

  @Override
  public void inputGradient(Parameters p, Batch b, Tensor gx) {
    run(p, b, null, gx.vector());
  }

  private double run(Parameters p, Batch b, Parameters g, double[] gx) {
    Tensor xt = b.inputTensor();
    double[] x = xt.vector();
    double[] y = b.targetTensor().vector();
    Tensor kt = p.tensor("kernel");
    double[] k = kt.vector();
    double[] bias = p.vector("bias");
    int n = xt.shape(0);
    int c = xt.shape(1);
    int len = xt.shape(2);
    int o = kt.shape(0);
    int w = kt.shape(2);
    int t = len - w + 1;
    int backwardEnd = bug == Bug.LAST_POSITION_SKIPPED ? t - 1 : t;
    double[] gk = g == null ? null : g.vector("kernel");
    double[] gb = g == null ? null : g.vector("bias");
    double loss = 0;
    for (int nn = 0; nn < n; nn++) {
      for (int oo = 0; oo < o; oo++) {
        for (int tt = 0; tt < t; tt++) {
          double z = bias[oo];
          for (int cc = 0; cc < c; cc++) {
            for (int kk = 0; kk < w; kk++) {
              z += k[(oo * c + cc) * w + kk] * x[(nn * c + cc) * len + tt + kk];
            }
          }
          double a = Math.tanh(z);
          double r = a - y[(nn * o + oo) * t + tt];
          loss += 0.5 * r * r;
          if ((g == null && gx == null) || tt >= backwardEnd) {
            continue;
          }
          double dz = r * (1 - a * a);
          if (gb != null) {
            gb[oo] += dz;
          }
          for (int cc = 0; cc < c; cc++) {
            for (int kk = 0; kk < w; kk++) {
              int xi = (nn * c + cc) * len + tt + kk;
              if (gk != null) {
                gk[(oo * c + cc) * w + kk] += dz * x[xi];
              }
              if (gx != null) {
                int kernelTap = bug == Bug.FLIPPED_KERNEL_IN_INPUT_GRADIENT ? w - 1 - kk : kk;
                gx[xi] += dz * k[(oo * c + cc) * w + kernelTap];
              }
            }
          }
        }
      }
    }
    return loss;
  }
}
