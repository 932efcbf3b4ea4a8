package io.github.gradprop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gradprop.model.Batch;
import io.github.gradprop.model.Case;
import io.github.gradprop.model.Parameters;
import io.github.gradprop.testmodels.ReferenceMlp;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The full check on several threads: the same case gives the same result and the same report text
 * on 1, 2 and 3 threads, and a model that is not thread-safe never passes.
 */
class ParallelCheckTests {

  /** The reference MLP with the gradient of {@code w2} off by a relative 1e-3. */
  static final class WrongSecondLayer extends ReferenceMlp {
    @Override
    public void gradient(Parameters p, Batch b, Parameters g) {
      super.gradient(p, b, g);
      double[][] gw2 = g.matrix("w2");
      for (double[] row : gw2) {
        for (int j = 0; j < row.length; j++) {
          row[j] *= 1 + 1e-3;
        }
      }
    }
  }

  /** A case whose first hidden units have a pre-activation of exactly 0 in every example. */
  static Case onKinks(long seed) {
    Case c = ReferenceMlp.randomCase(seed, 4, 6, 12, 3);
    double[][] w1 = c.parameters().matrix("w1");
    double[] b1 = c.parameters().vector("b1");
    for (int j = 0; j < 3; j++) {
      java.util.Arrays.fill(w1[j], 0);
      b1[j] = 0;
    }
    return c;
  }

  private static void assertSameOnEveryThreadCount(
      io.github.gradprop.model.GradientModel model, Case aCase, boolean passes) {
    GradientCheckResult one = Gradients.check(model, aCase, CheckOptions.defaults().withThreads(1));
    assertThat(one.passed()).isEqualTo(passes);
    for (int threads : new int[] {2, 3}) {
      GradientCheckResult many =
          Gradients.check(model, aCase, CheckOptions.defaults().withThreads(threads));
      assertThat(many.report()).as("%d threads", threads).isEqualTo(one.report());
      assertThat(many.passed()).isEqualTo(one.passed());
      assertThat(many.failures()).isEqualTo(one.failures());
      assertThat(many.nonSmoothEntries()).isEqualTo(one.nonSmoothEntries());
      assertThat(many.kinkCount()).isEqualTo(one.kinkCount());
      assertThat(many.lossCalls()).isEqualTo(one.lossCalls());
      assertThat(many.maxRounding()).isEqualTo(one.maxRounding());
      assertThat(many.largestAgreeingRelativeError()).isEqualTo(one.largestAgreeingRelativeError());
      assertThat(many.notes()).isEqualTo(one.notes());
      for (String t : one.tensors()) {
        assertThat(many.numeric(t)).as(t).isEqualTo(one.numeric(t));
        assertThat(many.analytic(t)).as(t).isEqualTo(one.analytic(t));
      }
    }
  }

  /**
   * The reference MLP whose loss throws when {@code w1[0, 5]} or {@code w2[2, 7]} is moved from its
   * value in the case: two failures, far apart in entry order.
   */
  static final class ThrowsAtTwoEntries extends ReferenceMlp {
    private final double w1At;
    private final double w2At;

    ThrowsAtTwoEntries(Case c) {
      w1At = c.parameters().matrix("w1")[0][5];
      w2At = c.parameters().matrix("w2")[2][7];
    }

    @Override
    public double loss(Parameters p, Batch b) {
      if (p.matrix("w1")[0][5] != w1At) {
        // late: on several threads the later entry throws first in time
        try {
          Thread.sleep(200);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        throw new IllegalStateException("w1[0, 5] moved");
      }
      if (p.matrix("w2")[2][7] != w2At) {
        throw new IllegalStateException("w2[2, 7] moved");
      }
      return super.loss(p, b);
    }
  }

  @Test
  void twoEntriesThatThrow_reportTheFirstInEntryOrder_onOneTwoAndThreeThreads() {
    Case aCase = ReferenceMlp.randomCase(19, 4, 6, 12, 3);
    for (int threads : new int[] {1, 2, 3}) {
      assertThatThrownBy(
              () ->
                  Gradients.check(
                      new ThrowsAtTwoEntries(aCase),
                      aCase,
                      CheckOptions.defaults().withThreads(threads)))
          .as("%d threads", threads)
          .isInstanceOf(ModelConfigurationException.class)
          .hasMessageContaining("w1[0, 5]")
          .hasMessageContaining("w1[0, 5] moved")
          .hasMessageNotContaining("w2[2, 7]");
    }
  }

  @Test
  void aCorrectModel_givesTheSameResultAndReport_onOneTwoAndThreeThreads() {
    assertSameOnEveryThreadCount(new ReferenceMlp(), ReferenceMlp.randomCase(3, 4, 6, 12, 3), true);
  }

  @Test
  void aWrongGradient_givesTheSameFailureReport_onOneTwoAndThreeThreads() {
    assertSameOnEveryThreadCount(
        new WrongSecondLayer(), ReferenceMlp.randomCase(5, 4, 6, 12, 3), false);
  }

  @Test
  void aCaseOnKinks_givesTheSameKinksAndReport_onOneTwoAndThreeThreads() {
    GradientCheckResult one =
        Gradients.check(new ReferenceMlp(), onKinks(7), CheckOptions.defaults().withThreads(1));
    assertThat(one.kinkCount()).isPositive();
    assertSameOnEveryThreadCount(new ReferenceMlp(), onKinks(7), true);
  }

  @Test
  void aWrongGradientOnKinks_givesTheSameReport_onOneTwoAndThreeThreads() {
    assertSameOnEveryThreadCount(new WrongSecondLayer(), onKinks(9), false);
  }

  @Test
  void theStrictPolicyOnKinks_givesTheSameReport_onOneTwoAndThreeThreads() {
    GradientCheckResult one =
        Gradients.check(
            new ReferenceMlp(),
            onKinks(11),
            CheckOptions.defaults().withKinkPolicy(KinkPolicy.STRICT).withThreads(1));
    GradientCheckResult three =
        Gradients.check(
            new ReferenceMlp(),
            onKinks(11),
            CheckOptions.defaults().withKinkPolicy(KinkPolicy.STRICT).withThreads(3));
    assertThat(three.report()).isEqualTo(one.report());
    assertThat(three.failures()).isEqualTo(one.failures());
  }

  /**
   * The reference MLP computing its hidden layer into a scratch buffer held in a field, so that
   * calls on two threads at once overwrite each other's activations. The first calls on each thread
   * wait (briefly) for a second caller, so that the threads do meet.
   */
  static class ScratchInAField extends ReferenceMlp {
    private double[][] scratch;
    private final AtomicInteger inside = new AtomicInteger();
    private final ThreadLocal<int[]> calls = ThreadLocal.withInitial(() -> new int[1]);

    @Override
    public double loss(Parameters p, Batch b) {
      double[][] x = b.inputs();
      double[][] w1 = p.matrix("w1");
      double[] b1 = p.vector("b1");
      double[][] w2 = p.matrix("w2");
      double[] b2 = p.vector("b2");
      if (scratch == null || scratch.length != x.length) {
        scratch = new double[x.length][w1.length];
      }
      inside.incrementAndGet();
      try {
        for (int n = 0; n < x.length; n++) {
          for (int j = 0; j < w1.length; j++) {
            double s = b1[j];
            for (int i = 0; i < x[n].length; i++) {
              s += w1[j][i] * x[n][i];
            }
            scratch[n][j] = Math.max(0, s);
          }
        }
        int call = ++calls.get()[0];
        if (call < 30) {
          long deadline = System.nanoTime() + 20_000_000L;
          while (inside.get() < 2 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
          }
        }
        return crossEntropy(scratch, w2, b2, b.targets());
      } finally {
        inside.decrementAndGet();
      }
    }

    @Override
    public void gradient(Parameters p, Batch b, Parameters g) {
      super.gradient(p, b, g);
    }

    private static double crossEntropy(double[][] h, double[][] w2, double[] b2, double[][] y) {
      double total = 0;
      for (int n = 0; n < h.length; n++) {
        double[] logits = new double[w2.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < w2.length; k++) {
          double s = b2[k];
          for (int j = 0; j < h[n].length; j++) {
            s += w2[k][j] * h[n][j];
          }
          logits[k] = s;
          max = Math.max(max, s);
        }
        double sum = 0;
        for (double l : logits) {
          sum += Math.exp(l - max);
        }
        double logSum = max + Math.log(sum);
        for (int k = 0; k < logits.length; k++) {
          total -= y[n][k] * (logits[k] - logSum);
        }
      }
      return total / h.length;
    }
  }

  /** {@link ScratchInAField} with the gradient of {@code w2} off by a relative 1e-3. */
  static final class ScratchInAFieldAndWrong extends ScratchInAField {
    @Override
    public void gradient(Parameters p, Batch b, Parameters g) {
      super.gradient(p, b, g);
      for (double[] row : g.matrix("w2")) {
        for (int j = 0; j < row.length; j++) {
          row[j] *= 1 + 1e-3;
        }
      }
    }
  }

  @Test
  void aModelWithScratchInAField_onTwoThreads_failsNamingTheCauseAndTheSwitch() {
    Case aCase = ReferenceMlp.randomCase(13, 4, 6, 12, 3);
    assertThatThrownBy(
            () ->
                Gradients.check(
                    new ScratchInAField(), aCase, CheckOptions.defaults().withThreads(2)))
        .isInstanceOf(ModelConfigurationException.class)
        .hasMessageContaining("is not thread-safe: checked on 2 threads")
        .hasMessageContaining("static or shared fields")
        .hasMessageContaining("withThreads(1)")
        .hasMessageContaining("gradprop.threads=1");
  }

  @Test
  void aModelWithScratchInAField_onOneThread_passes() {
    Case aCase = ReferenceMlp.randomCase(13, 4, 6, 12, 3);
    GradientCheckResult result =
        Gradients.check(new ScratchInAField(), aCase, CheckOptions.defaults().withThreads(1));
    assertThat(result.passed()).isTrue();
  }

  @Test
  void aWrongModelWithScratchInAField_onTwoThreads_neverPasses() {
    Case aCase = ReferenceMlp.randomCase(17, 4, 6, 12, 3);
    try {
      GradientCheckResult result =
          Gradients.check(
              new ScratchInAFieldAndWrong(), aCase, CheckOptions.defaults().withThreads(2));
      assertThat(result.passed()).isFalse();
    } catch (ModelConfigurationException e) {
      assertThat(e).hasMessageContaining("is not thread-safe");
    }
  }

  @Test
  void aWrongModelWithScratchInAField_onOneThread_failsWithTheMismatch() {
    Case aCase = ReferenceMlp.randomCase(17, 4, 6, 12, 3);
    GradientCheckResult result =
        Gradients.check(
            new ScratchInAFieldAndWrong(), aCase, CheckOptions.defaults().withThreads(1));
    assertThat(result.passed()).isFalse();
    assertThat(result.failures()).isNotEmpty().allMatch(e -> e.tensor().equals("w2"));
  }

  @Test
  void threadsBelowOne_areRejected() {
    assertThatThrownBy(() -> CheckOptions.defaults().withThreads(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("threads must be >= 1, but was 0");
  }
}
