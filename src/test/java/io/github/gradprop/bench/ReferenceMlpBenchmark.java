package io.github.gradprop.bench;

import io.github.gradprop.GradientCheckResult;
import io.github.gradprop.Gradients;
import io.github.gradprop.model.Batch;
import io.github.gradprop.model.Case;
import io.github.gradprop.model.Parameters;
import io.github.gradprop.testmodels.ReferenceMlp;
import java.util.Arrays;

/**
 * Measures, in one run, the reference MLP's forward (loss) time and the time of a full {@code
 * Gradients.check} on it, and prints the ratio check time / (2P x forward time): how close the
 * check comes to the cost of the 2P loss calls that central differences need.
 *
 * <p>Each round times a block of 2P loss calls and then one full check, back to back, so that load
 * from other processes on a shared machine hits both sides of the ratio alike; the report gives
 * medians over the rounds.
 *
 * <p>A main, not a test: timings belong in a report, not in a pass/fail build. Run it with
 *
 * <pre>
 * mvn -B -q test-compile exec:java -Dexec.mainClass=io.github.gradprop.bench.ReferenceMlpBenchmark -Dexec.classpathScope=test
 * </pre>
 *
 * Optional arguments: warm-up rounds (default 5), timed rounds (default 15).
 */
public final class ReferenceMlpBenchmark {

  private static final long SEED = 1;

  /** Keeps the JIT from discarding loss values it could prove unused. */
  private static volatile double sink;

  private ReferenceMlpBenchmark() {}

  public static void main(String[] args) {
    int warmups = arg(args, 0, 5);
    int rounds = arg(args, 1, 15);

    ReferenceMlp model = new ReferenceMlp();
    Case aCase = ReferenceMlp.referenceCase(SEED);
    Parameters params = aCase.parameters();
    Batch batch = aCase.batch();
    int p = params.size();
    int block = 2 * p;

    System.out.printf(
        "gradprop reference MLP benchmark%n"
            + "model      : %s%n"
            + "shape      : %s, P = %,d parameters%n"
            + "jvm        : %s %s, %d available processors%n",
        model.spec().name(),
        aCase.dimsText(),
        p,
        System.getProperty("java.vm.name"),
        System.getProperty("java.runtime.version"),
        Runtime.getRuntime().availableProcessors());

    long cold0 = System.nanoTime();
    Gradients.check(model, aCase);
    double cold = System.nanoTime() - cold0;

    // Each round times a block of 2P plain loss calls (what an ideal check costs) and then one full
    // check, back to back, so that load from other processes hits both sides alike.
    for (int i = 0; i < warmups; i++) {
      forwardBlock(model, params, batch, block);
      Gradients.check(model, aCase);
    }
    double[] forward = new double[rounds];
    double[] check = new double[rounds];
    double[] ratio = new double[rounds];
    GradientCheckResult result = null;
    for (int r = 0; r < rounds; r++) {
      long t0 = System.nanoTime();
      forwardBlock(model, params, batch, block);
      long t1 = System.nanoTime();
      result = Gradients.check(model, aCase);
      long t2 = System.nanoTime();
      forward[r] = (t1 - t0) / (double) block;
      check[r] = t2 - t1;
      ratio[r] = check[r] / (t1 - t0);
    }
    if (result == null || !result.passed()) {
      throw new IllegalStateException("The reference MLP should pass its check: " + result);
    }

    double forwardMedian = median(forward);
    double checkMedian = median(check);
    System.out.printf(
        "rounds     : %d, each %,d loss calls then 1 check, after %d warm-up rounds%n"
            + "forward    : median %.2f us per loss call (min %.2f, max %.2f)%n"
            + "check      : median %.2f ms (min %.2f, max %.2f); the first, cold check took %.2f ms%n"
            + "loss calls : %,d per check (2P = %,d)%n"
            + "ratio      : check / (2P x forward) = %.2f median of rounds (min %.2f, max %.2f);"
            + " %.2f from the medians%n",
        rounds,
        block,
        warmups,
        forwardMedian / 1e3,
        min(forward) / 1e3,
        max(forward) / 1e3,
        checkMedian / 1e6,
        min(check) / 1e6,
        max(check) / 1e6,
        cold / 1e6,
        result.lossCalls(),
        2L * p,
        median(ratio),
        min(ratio),
        max(ratio),
        checkMedian / (2.0 * p * forwardMedian));
  }

  private static void forwardBlock(ReferenceMlp model, Parameters params, Batch batch, int calls) {
    double acc = 0;
    for (int i = 0; i < calls; i++) {
      acc += model.loss(params, batch);
    }
    sink += acc;
  }

  private static int arg(String[] args, int i, int fallback) {
    return args.length > i ? Integer.parseInt(args[i]) : fallback;
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }

  private static double min(double[] v) {
    return Arrays.stream(v).min().orElse(Double.NaN);
  }

  private static double max(double[] v) {
    return Arrays.stream(v).max().orElse(Double.NaN);
  }
}
