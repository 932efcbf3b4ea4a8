package io.github.gradprop.examples.seed;

import io.github.gradprop.model.GradientModel;
import io.github.gradprop.model.ModelSpec;
import io.github.gradprop.model.Models;
import io.github.gradprop.model.ParameterLayout;

/**
 * The network of the seed question ("Backpropagation for rectified linear unit activation with
 * cross entropy error"), translated line by line from its MATLAB {@code [f, df] = backprop(W, X,
 * Y)}: one hidden layer, biases as an appended column of ones, and one flat weight vector {@code
 * W}.
 *
 * <p>Shapes: inputs {@code X} are {@code batch x in}; {@code w1} is {@code hidden x (in + 1)} and
 * {@code w2} is {@code out x (hidden + 1)}, the last column of each being the bias; targets {@code
 * Y} are {@code batch x out}. {@code W} holds {@code w1} then {@code w2}, each <em>row-major</em>
 * (gradprop's {@link ParameterLayout#FLAT}). MATLAB's {@code reshape} is column-major, so the same
 * {@code W} means different matrices in the two languages; for a gradient check the order does
 * not matter, as long as {@code W} and {@code df} use the same one. The question fixes {@code
 * n_hid = 100}; here the hidden size is read off the length of {@code W}, so gradprop can choose
 * it.
 *
 * <p>The backward pass is written as in the question, bug included: for {@link
 * Cost#CROSS_ENTROPY} it uses {@code delta3 = y - Y}, which is right for a sigmoid output only.
 *
 * <pre>{@code
 * Gradients.assertCorrect(SeedNetwork.model(RELU, SQUARED_ERROR),
 *     SeedCases.fixed(RELU, SQUARED_ERROR));    // passes
 *
 * Gradients.assertCorrect(SeedNetwork.model(RELU, CROSS_ENTROPY),
 *     SeedCases.fixed(RELU, CROSS_ENTROPY));    // GradientMismatchError on every entry of w1, w2
 * }</pre>
 */
public final class SeedNetwork {

  /** MATLAB's {@code eps}, the floor the question puts under {@code log}. */
  static final double EPS = Math.ulp(1.0);

  private final Activation actType;
  private final Cost errorType;

  private SeedNetwork(Activation actType, Cost errorType) {
    this.actType = actType;
    this.errorType = errorType;
  }

  /** The shapes of the seed network, with its parameters as one flat vector. */
  public static ModelSpec spec(Activation actType, Cost errorType) {
    return ModelSpec.named("seed network: " + name(actType) + ", " + name(errorType))
        .inputs("batch", "in")
        .parameter("w1", "hidden", "in + 1")
        .parameter("w2", "out", "hidden + 1")
        .targets("batch", "out")
        .dimOrder("batch", "in", "hidden", "out")
        .layout(ParameterLayout.FLAT);
  }

  /** The seed network with activation {@code actType} and cost {@code errorType}, for gradprop. */
  public static GradientModel model(Activation actType, Cost errorType) {
    SeedNetwork net = new SeedNetwork(actType, errorType);
    return Models.flat(
        spec(actType, errorType),
        (w, x, y) -> net.backprop(w, x, y).f(),
        (w, x, y) -> net.backprop(w, x, y).df());
  }

  /** What {@code backprop} returns: the cost and its gradient, {@code [f, df]}. */
  public record Result(double f, double[] df) {}

  /** {@code [f, df] = backprop(W, X, Y)}. */
  public static Result backprop(Activation actType, Cost errorType, double[] w, double[][] x,
      double[][] y) {
    return new SeedNetwork(actType, errorType).backprop(w, x, y);
  }

  Result backprop(double[] W, double[][] X0, double[][] Y) {
    // N=size(X,1); n_inp=size(X,2); n_hid from numel(W); n_out=size(Y,2);
    int N = X0.length;
    int nInp = X0[0].length;
    int nOut = Y[0].length;
    int nHid = (W.length - nOut) / (nInp + 1 + nOut);
    if (nHid < 1 || nHid * (nInp + 1 + nOut) + nOut != W.length) {
      throw new IllegalArgumentException(
          "W has " + W.length + " entries, which fits no hidden size for in=" + nInp
              + " out=" + nOut);
    }
    // w1=reshape(W(1:n_hid*(n_inp+1)),n_hid,n_inp+1);
    // w2=reshape(W(n_hid*(n_inp+1)+1:end),n_out,n_hid+1);   (row-major here)
    double[][] w1 = reshape(W, 0, nHid, nInp + 1);
    double[][] w2 = reshape(W, nHid * (nInp + 1), nOut, nHid + 1);

    // feedforward
    double[][] X = appendOnes(X0); // X=[X ones(N,1)];
    double[][] z2 = timesTransposed(X, w1); // z2=X*w1';
    double[][] a2 = appendOnes(act(z2)); // a2=act(z2,act_type); a2=[a2 ones(N,1)];
    double[][] z3 = timesTransposed(a2, w2); // z3=a2*w2';
    double[][] yOut = errorType == Cost.SOFTMAX_CROSS_ENTROPY ? softmax(z3) : act(z3);

    double f = 0;
    double[][] delta3 = new double[N][nOut];
    for (int n = 0; n < N; n++) {
      for (int k = 0; k < nOut; k++) {
        double yk = yOut[n][k];
        double t = Y[n][k];
        switch (errorType) {
          case CROSS_ENTROPY:
            // f=-sum(sum( Y.*log(max(y,eps))+(1-Y).*log(max(1-y,eps)) ));
            f -= t * Math.log(Math.max(yk, EPS)) + (1 - t) * Math.log(Math.max(1 - yk, EPS));
            // delta3=y-Y;   (the question's shortcut: right for a sigmoid output only)
            delta3[n][k] = yk - t;
            break;
          case SOFTMAX_CROSS_ENTROPY:
            // f=-sum(sum( Y.*log(y) ));  delta3=y-Y;
            f -= t * Math.log(yk);
            delta3[n][k] = yk - t;
            break;
          default:
            // f=0.5*sum(sum((y-Y).^2));  delta3=(y-Y).*dact(z3,act_type);
            f += 0.5 * (yk - t) * (yk - t);
            delta3[n][k] = (yk - t) * actType.dact(z3[n][k]);
            break;
        }
      }
    }

    // delta2=(delta3*w2(:,1:end-1)).*dact(z2,act_type);
    double[][] delta2 = new double[N][nHid];
    for (int n = 0; n < N; n++) {
      for (int j = 0; j < nHid; j++) {
        double s = 0;
        for (int k = 0; k < nOut; k++) {
          s += delta3[n][k] * w2[k][j];
        }
        delta2[n][j] = s * actType.dact(z2[n][j]);
      }
    }
    // dW1=delta2'*X; dW2=delta3'*a2; df=[dW1(:); dW2(:)];
    double[] df = new double[W.length];
    transposedTimes(delta2, X, df, 0);
    transposedTimes(delta3, a2, df, nHid * (nInp + 1));
    return new Result(f, df);
  }

  private double[][] act(double[][] z) {
    double[][] a = new double[z.length][z[0].length];
    for (int n = 0; n < z.length; n++) {
      for (int j = 0; j < z[n].length; j++) {
        a[n][j] = actType.act(z[n][j]);
      }
    }
    return a;
  }

  // y=bsxfun(@rdivide, exp(z3), sum(exp(z3),2));
  private static double[][] softmax(double[][] z) {
    double[][] y = new double[z.length][z[0].length];
    for (int n = 0; n < z.length; n++) {
      double sum = 0;
      for (int k = 0; k < z[n].length; k++) {
        y[n][k] = Math.exp(z[n][k]);
        sum += y[n][k];
      }
      for (int k = 0; k < z[n].length; k++) {
        y[n][k] /= sum;
      }
    }
    return y;
  }

  private static double[][] reshape(double[] w, int offset, int rows, int cols) {
    double[][] m = new double[rows][cols];
    for (int r = 0; r < rows; r++) {
      System.arraycopy(w, offset + r * cols, m[r], 0, cols);
    }
    return m;
  }

  private static double[][] appendOnes(double[][] a) {
    double[][] b = new double[a.length][a[0].length + 1];
    for (int n = 0; n < a.length; n++) {
      System.arraycopy(a[n], 0, b[n], 0, a[n].length);
      b[n][a[n].length] = 1;
    }
    return b;
  }

  /** {@code a * b'}. */
  private static double[][] timesTransposed(double[][] a, double[][] b) {
    double[][] c = new double[a.length][b.length];
    for (int n = 0; n < a.length; n++) {
      for (int j = 0; j < b.length; j++) {
        double s = 0;
        for (int i = 0; i < b[j].length; i++) {
          s += a[n][i] * b[j][i];
        }
        c[n][j] = s;
      }
    }
    return c;
  }

  /** {@code a' * b}, written row-major into {@code out} from {@code offset}. */
  private static void transposedTimes(double[][] a, double[][] b, double[] out, int offset) {
    int cols = b[0].length;
    for (int j = 0; j < a[0].length; j++) {
      for (int i = 0; i < cols; i++) {
        double s = 0;
        for (int n = 0; n < a.length; n++) {
          s += a[n][j] * b[n][i];
        }
        out[offset + j * cols + i] = s;
      }
    }
  }

  private static String name(Activation a) {
    return a.name().toLowerCase(java.util.Locale.ROOT);
  }

  private static String name(Cost c) {
    switch (c) {
      case SQUARED_ERROR:
        return "squared error";
      case CROSS_ENTROPY:
        return "cross-entropy";
      default:
        return "softmax cross-entropy";
    }
  }
}
