package io.github.gradprop.examples.commonsmath;

import io.github.gradprop.model.Batch;
import io.github.gradprop.model.Case;
import io.github.gradprop.model.GradientModel;
import io.github.gradprop.model.ModelSpec;
import io.github.gradprop.model.Models;
import io.github.gradprop.model.Parameters;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.DefaultRealMatrixChangingVisitor;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Logistic regression written with Commons Math {@link RealMatrix}: {@code p = sigmoid(X w' + 1
 * b')}, one independent yes/no output per column, binary cross-entropy averaged over the batch.
 *
 * <p>{@link Parameters#realMatrix} gives each weight matrix as a {@code RealMatrix} that shares
 * gradprop's storage; the backward pass computes {@code dW = dZ' X} with matrix algebra and hands
 * it back with {@link Parameters#set(String, RealMatrix)}, which checks the shape.
 *
 * <pre>{@code
 * Gradients.assertCorrect(LogisticRegression.model(), LogisticRegression.fixedCase());  // passes
 * Gradients.assertCorrect(LogisticRegression.modelSummingInsteadOfAveraging(),
 *     LogisticRegression.fixedCase());     // GradientMismatchError: every entry is batch times too big
 * }</pre>
 */
public final class LogisticRegression {

  /** The shapes: {@code w} is {@code out x in}, {@code b} has {@code out} entries. */
  public static final ModelSpec SPEC = spec("logistic regression (RealMatrix)");

  private LogisticRegression() {}

  private static ModelSpec spec(String name) {
    return ModelSpec.named(name)
        .inputs("batch", "in")
        .parameter("w", "out", "in")
        .parameter("b", "out")
        .targets("batch", "out");
  }

  /** Logistic regression with a correct backward pass. */
  public static GradientModel model() {
    return Models.of(SPEC, LogisticRegression::loss, (p, b, g) -> backward(p, b, g, true));
  }

  /**
   * The same model with a frequent slip: the loss is a mean over the batch, but the backward pass
   * forgets the {@code 1 / batch}, so every gradient entry is {@code batch} times too large.
   */
  public static GradientModel modelSummingInsteadOfAveraging() {
    return Models.of(
        spec("logistic regression (RealMatrix), gradient not divided by batch"),
        LogisticRegression::loss,
        (p, b, g) -> backward(p, b, g, false));
  }

  /** {@code Z = X w' + 1 b'}. */
  private static RealMatrix logits(Parameters p, Batch b) {
    RealMatrix x = new Array2DRowRealMatrix(b.inputs(), false);
    RealMatrix z = x.multiply(p.realMatrix("w").transpose());
    double[] bias = p.vector("b");
    for (int n = 0; n < z.getRowDimension(); n++) {
      for (int k = 0; k < bias.length; k++) {
        z.addToEntry(n, k, bias[k]);
      }
    }
    return z;
  }

  /** The mean over the batch of {@code -sum(t log p + (1 - t) log(1 - p))}, computed stably. */
  static double loss(Parameters p, Batch b) {
    RealMatrix z = logits(p, b);
    double[][] t = b.targets();
    double f = 0;
    for (int n = 0; n < z.getRowDimension(); n++) {
      for (int k = 0; k < z.getColumnDimension(); k++) {
        double zk = z.getEntry(n, k);
        // -log sigmoid(z) = softplus(-z), -log(1 - sigmoid(z)) = softplus(z)
        f += t[n][k] * softplus(-zk) + (1 - t[n][k]) * softplus(zk);
      }
    }
    return f / z.getRowDimension();
  }

  private static void backward(Parameters p, Batch b, Parameters g, boolean average) {
    RealMatrix x = new Array2DRowRealMatrix(b.inputs(), false);
    RealMatrix t = new Array2DRowRealMatrix(b.targets(), false);
    int batch = x.getRowDimension();
    // dZ = (sigmoid(Z) - T) / batch
    RealMatrix dz = logits(p, b);
    dz.walkInOptimizedOrder(
        new DefaultRealMatrixChangingVisitor() {
          @Override
          public double visit(int row, int column, double value) {
            return 1 / (1 + Math.exp(-value));
          }
        });
    dz = dz.subtract(t);
    if (average) {
      dz = dz.scalarMultiply(1.0 / batch);
    }
    g.set("w", dz.transpose().multiply(x)); // dW = dZ' X
    double[] gb = g.vector("b");
    for (int k = 0; k < gb.length; k++) {
      gb[k] = sum(dz.getColumn(k)); // db = column sums of dZ
    }
  }

  private static double softplus(double z) {
    return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
  }

  private static double sum(double[] v) {
    double s = 0;
    for (double d : v) {
      s += d;
    }
    return s;
  }

  /** A fixed case: batch 5, in 3, out 2. */
  public static Case fixedCase() {
    return Case.builder(SPEC)
        .inputs(
            new double[][] {
              {1.0, -0.5, 0.25},
              {-1.5, 2.0, 0.0},
              {0.5, 0.5, -1.0},
              {2.0, -1.0, 1.5},
              {-0.25, 0.0, 0.75},
            })
        .parameter("w", new double[][] {{0.6, -0.8, 0.3}, {-0.2, 0.4, 1.1}})
        .parameter("b", new double[] {0.1, -0.3})
        .targets(new double[][] {{1, 0}, {0, 1}, {1, 1}, {1, 0}, {0, 0}})
        .build();
  }
}
