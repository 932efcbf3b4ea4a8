package io.github.gradprop.internal.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gradprop.ModelConfigurationException;
import io.github.gradprop.model.Batch;
import io.github.gradprop.model.Case;
import io.github.gradprop.model.GradientModel;
import io.github.gradprop.model.Parameters;
import io.github.gradprop.model.Tensor;
import io.github.gradprop.testmodels.ReferenceMlp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * The points of a direction's stencil on helper threads: the values of one thread, and a model that
 * is not thread-safe named as such instead of judged on corrupted values.
 */
class LinePointsTests {

  private static final double[] AT = {-2e-4, -1e-4, -5e-5, 5e-5, 1e-4, 2e-4};

  /**
   * Holds the first call on each of two threads at one point until the other thread's first call
   * reaches it too (up to 200 ms, when there is no second thread), so that the two calls of a test
   * on two threads do overlap there, however late the helper starts.
   */
  static final class Meeting {
    private final CyclicBarrier both = new CyclicBarrier(2);
    private final ThreadLocal<Boolean> met = ThreadLocal.withInitial(() -> false);

    void meet() {
      if (met.get()) {
        return;
      }
      met.set(true);
      try {
        both.await(200, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (BrokenBarrierException | TimeoutException e) {
        // alone on one thread: nobody to meet
      }
    }
  }

  /** The reference MLP, whose loss keeps its activations in a field shared by every call. */
  static final class SharedScratch extends ReferenceMlp {
    private final Meeting meeting = new Meeting();
    private volatile double shared;

    @Override
    public double loss(Parameters p, Batch b) {
      shared = super.loss(p, b);
      meeting.meet(); // both first calls have written the field: one of them reads the other's
      return shared;
    }
  }

  /** The reference MLP that throws when two calls overlap. */
  static final class ThrowsWhenCalledAtOnce extends ReferenceMlp {
    private final Meeting meeting = new Meeting();
    private int running;

    @Override
    public double loss(Parameters p, Batch b) {
      synchronized (this) {
        running++;
      }
      try {
        meeting.meet(); // both first calls are running now
        synchronized (this) {
          if (running > 1) {
            throw new IllegalStateException("scratch buffer in use");
          }
        }
        return super.loss(p, b);
      } finally {
        synchronized (this) {
          running--;
        }
      }
    }
  }

  private static double[] values(Case c) {
    return c.tensors().stream().flatMapToDouble(t -> Arrays.stream(t.toArray())).toArray();
  }

  private static LinePoints points(GradientModel model, Case c, int threads) {
    Invoker invoker = new Invoker(model, model.spec().name(), c);
    List<Tensor> targets = new ArrayList<>(c.parameters().tensors());
    double[][] base = new double[targets.size()][];
    for (int k = 0; k < base.length; k++) {
      base[k] = targets.get(k).toArray();
    }
    return new LinePoints(invoker, targets, base, threads, false);
  }

  private static double[][] direction(Case c) {
    List<Tensor> targets = c.parameters().tensors();
    double[][] d = new double[targets.size()][];
    for (int k = 0; k < d.length; k++) {
      d[k] = new double[targets.get(k).size()];
      for (int i = 0; i < d[k].length; i++) {
        d[k][i] = (i * 7 + k) % 3 == 0 ? -1 : 1;
      }
    }
    return d;
  }

  @Test
  void aCorrectModel_onTwoAndThreeThreads_givesTheValuesOfOneThread_andRestoresTheCase() {
    Case c = ReferenceMlp.randomCase(3, 4, 6, 12, 3);
    Case before = c.copy();
    double[] one = points(new ReferenceMlp(), c.copy(), 1).at(direction(c), AT, "direction 1");
    for (int threads : new int[] {2, 3}) {
      Case work = c.copy();
      LinePoints many = points(new ReferenceMlp(), work, threads);
      double[] values = many.at(direction(c), AT, "direction 1");
      assertThat(values).as("%d threads", threads).isEqualTo(one);
      many.checkAlone(direction(c), AT, values, "direction 1"); // the same alone: no error
      assertThat(values(work)).isEqualTo(values(before));
      for (Case copy : many.copies()) {
        assertThat(values(copy)).isEqualTo(values(before));
      }
    }
  }

  @Test
  void aModelWithScratchInAField_onTwoThreads_isNamedNotThreadSafe() {
    Case c = ReferenceMlp.randomCase(5, 4, 6, 12, 3);
    LinePoints two = points(new SharedScratch(), c, 2);
    double[] values = two.at(direction(c), AT, "random direction 1");
    assertThatThrownBy(() -> two.checkAlone(direction(c), AT, values, "random direction 1"))
        .isInstanceOf(ModelConfigurationException.class)
        .hasMessageContaining("is not thread-safe: checked on 2 threads, the loss along random")
        .hasMessageContaining("gradprop.threads=1");
  }

  @Test
  void aModelWithScratchInAField_onOneThread_givesItsTrueValues() {
    Case c = ReferenceMlp.randomCase(5, 4, 6, 12, 3);
    double[] shared = points(new SharedScratch(), c.copy(), 1).at(direction(c), AT, "d");
    double[] correct = points(new ReferenceMlp(), c.copy(), 1).at(direction(c), AT, "d");
    assertThat(shared).isEqualTo(correct);
  }

  @Test
  void aModelThatThrowsWhenCalledAtOnce_onTwoThreads_isNamedNotThreadSafe() {
    Case c = ReferenceMlp.randomCase(7, 4, 6, 12, 3);
    LinePoints two = points(new ThrowsWhenCalledAtOnce(), c, 2);
    assertThatThrownBy(() -> two.at(direction(c), AT, "random direction 1"))
        .isInstanceOf(ModelConfigurationException.class)
        .hasMessageContaining("is not thread-safe: checked on 2 threads")
        .hasMessageContaining("gave an error (")
        .hasMessageContaining("it gave no error");
  }

  @Test
  void aModelThatThrowsWhenCalledAtOnce_onOneThread_passesItsValues() {
    Case c = ReferenceMlp.randomCase(7, 4, 6, 12, 3);
    double[] values = points(new ThrowsWhenCalledAtOnce(), c.copy(), 1).at(direction(c), AT, "d");
    assertThat(values).isEqualTo(points(new ReferenceMlp(), c.copy(), 1).at(direction(c), AT, "d"));
  }

  @Test
  void helpersAreUsed_onlyWhenALossCallIsSlowEnoughToGain() {
    assertThat(LinePoints.threadsFor(10_000, 2, 6)).isEqualTo(1);
    assertThat(LinePoints.threadsFor(LinePoints.HELPERS_FROM_NANOS, 2, 6)).isEqualTo(2);
    assertThat(LinePoints.threadsFor(5_000_000, 8, 6)).isEqualTo(6);
    assertThat(LinePoints.threadsFor(5_000_000, 1, 6)).isEqualTo(1);
  }
}
