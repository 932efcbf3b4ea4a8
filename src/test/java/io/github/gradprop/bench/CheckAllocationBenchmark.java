package io.github.gradprop.bench;

import io.github.gradprop.Gradients;
import io.github.gradprop.model.Batch;
import io.github.gradprop.model.Case;
import io.github.gradprop.testmodels.ReferenceMlp;
import java.lang.management.ManagementFactory;
import java.util.Arrays;

/**
 * Bytes allocated by one full check of the reference MLP (20-50-10, batch 8, 1,560 entries),
 * against the same number of bare loss calls: the difference is what the check itself allocates,
 * which must not grow with the number of entries. Run with:
 *
 * <pre>
 * mvn -B -q test-compile exec:java -Dexec.mainClass=io.github.gradprop.bench.CheckAllocationBenchmark -Dexec.classpathScope=test
 * </pre>
 */
public final class CheckAllocationBenchmark {

  private CheckAllocationBenchmark() {}

  public static void main(String[] args) {
    com.sun.management.ThreadMXBean mx =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    ReferenceMlp model = new ReferenceMlp();
    Case c = ReferenceMlp.referenceCase(1);
    for (int i = 0; i < 200; i++) {
      Gradients.check(model, c);
    }
    long thread = Thread.currentThread().getId();
    long[] perCheck = new long[15];
    for (int r = 0; r < perCheck.length; r++) {
      long before = mx.getThreadAllocatedBytes(thread);
      for (int i = 0; i < 10; i++) {
        Gradients.check(model, c);
      }
      perCheck[r] = (mx.getThreadAllocatedBytes(thread) - before) / 10;
    }
    Arrays.sort(perCheck);
    long calls = Gradients.check(model, c).lossCalls();
    Batch batch = c.batch();
    long before = mx.getThreadAllocatedBytes(thread);
    for (long i = 0; i < calls; i++) {
      model.loss(c.parameters(), batch);
    }
    long lossOnly = mx.getThreadAllocatedBytes(thread) - before;
    long entries = c.parameters().size();
    long median = perCheck[perCheck.length / 2];
    System.out.printf(
        "bytes per check : median %,d (min %,d, max %,d)%n",
        median, perCheck[0], perCheck[perCheck.length - 1]);
    System.out.printf("bare loss calls : %,d bytes for the same %,d calls%n", lossOnly, calls);
    System.out.printf(
        "the check itself: %,d bytes, %.1f per entry over %,d entries (the case copies, the analytic"
            + " and numeric arrays and the result; nothing per classified entry)%n",
        median - lossOnly, (median - lossOnly) / (double) entries, entries);
  }
}
