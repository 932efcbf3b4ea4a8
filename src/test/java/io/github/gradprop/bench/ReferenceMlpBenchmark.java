package io.github.gradprop.bench;

import io.github.gradprop.CheckOptions;
import io.github.gradprop.GradientCheckResult;
import io.github.gradprop.Gradients;
import io.github.gradprop.model.Batch;
import io.github.gradprop.model.Case;
import io.github.gradprop.model.Parameters;
import io.github.gradprop.testmodels.ReferenceMlp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * Optional arguments: warm-up rounds (default 5), timed rounds (default 15), and the path of the
 * PyTorch anchor script ({@code /work/shared/anchors/torch_mlp_gradcheck.py}), which then runs
 * before and after the rounds so that its time brackets drift.
 */
public final class ReferenceMlpBenchmark {

  private static final long SEED = 1;

  /** Keeps the JIT from discarding loss values it could prove unused. */
  private static volatile double sink;

  private ReferenceMlpBenchmark() {}

  public static void main(String[] args) {
    int warmups = arg(args, 0, 5);
    int rounds = arg(args, 1, 15);
    String torchScript = args.length > 2 ? args[2] : null;

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

    String torchBefore = torch(torchScript);
    CheckOptions one = CheckOptions.defaults().withThreads(1);
    CheckOptions two = CheckOptions.defaults().withThreads(2);
    long cold0 = System.nanoTime();
    Gradients.check(model, aCase, one);
    double cold = System.nanoTime() - cold0;

    // Each round times a block of 2P plain loss calls (what an ideal check costs), then one full
    // check on one thread and one on two, back to back, so that load from other processes hits
    // every side of the ratios alike.
    for (int i = 0; i < warmups; i++) {
      forwardBlock(model, params, batch, block);
      Gradients.check(model, aCase, one);
      Gradients.check(model, aCase, two);
    }
    double[] forward = new double[rounds];
    double[] check1 = new double[rounds];
    double[] check2 = new double[rounds];
    double[] ratio1 = new double[rounds];
    double[] ratio2 = new double[rounds];
    double[] floor2 = new double[rounds];
    double[] overFloor2 = new double[rounds];
    Case copy = aCase.copy();
    ExecutorService other = Executors.newSingleThreadExecutor(daemon());
    GradientCheckResult result = null;
    GradientCheckResult result2 = null;
    for (int r = 0; r < rounds; r++) {
      long t0 = System.nanoTime();
      forwardBlock(model, params, batch, block);
      long t1 = System.nanoTime();
      result = Gradients.check(model, aCase, one);
      long t2 = System.nanoTime();
      result2 = Gradients.check(model, aCase, two);
      long t3 = System.nanoTime();
      halvesOnTwoThreads(model, aCase, copy, block, other);
      long t4 = System.nanoTime();
      forwardBlock(model, params, batch, block);
      long t5 = System.nanoTime();
      // the 2P loss calls are timed before and after the checks, and averaged: the machine's
      // speed drifts within a round
      double calls = ((t1 - t0) + (t5 - t4)) / 2.0;
      forward[r] = calls / block;
      check1[r] = t2 - t1;
      check2[r] = t3 - t2;
      ratio1[r] = check1[r] / calls;
      ratio2[r] = check2[r] / calls;
      floor2[r] = (t4 - t3) / calls;
      overFloor2[r] = check2[r] / (t4 - t3);
    }
    other.shutdown();
    if (result == null || !result.passed() || !result2.report().equals(result.report())) {
      throw new IllegalStateException("The reference MLP should pass its check: " + result);
    }
    String torchAfter = torch(torchScript);

    System.out.printf(
        "rounds     : %d, each %,d loss calls, 1 check on 1 thread, 1 on 2 threads, the %,d"
            + " calls split on 2 threads, and the %,d calls again, after %d warm-up rounds%n"
            + "forward    : median %.2f us per loss call (min %.2f, max %.2f)%n"
            + "check      : 1 thread median %.2f ms (min %.2f); 2 threads median %.2f ms (min %.2f);"
            + " the first, cold check took %.2f ms%n"
            + "loss calls : %,d per check (2P = %,d)%n"
            + "ratio      : check / (2P x forward), 1 thread  = %.2f median of rounds (min %.2f,"
            + " max %.2f)%n"
            + "ratio      : check / (2P x forward), 2 threads = %.2f median of rounds (min %.2f,"
            + " max %.2f)%n"
            + "floor      : the same 2P loss calls split on 2 threads / on 1 = %.2f median of"
            + " rounds (min %.2f): what 2 threads can give on this machine%n"
            + "overhead   : 2-thread check / that floor = %.2f median of rounds (min %.2f)%n",
        rounds,
        block,
        block,
        block,
        warmups,
        median(forward) / 1e3,
        min(forward) / 1e3,
        max(forward) / 1e3,
        median(check1) / 1e6,
        min(check1) / 1e6,
        median(check2) / 1e6,
        min(check2) / 1e6,
        cold / 1e6,
        result.lossCalls(),
        2L * p,
        median(ratio1),
        min(ratio1),
        max(ratio1),
        median(ratio2),
        min(ratio2),
        max(ratio2),
        median(floor2),
        min(floor2),
        median(overFloor2),
        min(overFloor2));
    if (torchBefore != null) {
      double before = torchFullMillis(torchBefore);
      double after = torchFullMillis(torchAfter);
      System.out.printf(
          "torch      : gradcheck full min %.1f ms before, %.1f ms after this run%n"
              + "vs torch   : torch full / gradprop (min vs min), 1 thread %.1fx to %.1fx, 2 threads"
              + " %.1fx to %.1fx%n",
          before,
          after,
          Math.min(before, after) / (min(check1) / 1e6),
          Math.max(before, after) / (min(check1) / 1e6),
          Math.min(before, after) / (min(check2) / 1e6),
          Math.max(before, after) / (min(check2) / 1e6));
      System.out.printf("torch before:%n%s%ntorch after:%n%s%n", torchBefore, torchAfter);
    }
  }

  /** Runs the PyTorch anchor script, or returns null without one. */
  private static String torch(String script) {
    if (script == null) {
      return null;
    }
    try {
      Process p = new ProcessBuilder("/usr/bin/python3", script).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor();
      return out.strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static double torchFullMillis(String out) {
    Matcher m = Pattern.compile("gradcheck full: min ([0-9.]+) ms").matcher(out);
    if (!m.find()) {
      throw new IllegalStateException("no gradcheck time in: " + out);
    }
    return Double.parseDouble(m.group(1));
  }

  private static void forwardBlock(ReferenceMlp model, Parameters params, Batch batch, int calls) {
    double acc = 0;
    for (int i = 0; i < calls; i++) {
      acc += model.loss(params, batch);
    }
    sink += acc;
  }

  /** The 2P loss calls in two halves, one on {@code other} (on its own copy of the case). */
  private static void halvesOnTwoThreads(
      ReferenceMlp model, Case aCase, Case copy, int calls, ExecutorService other) {
    Future<?> f =
        other.submit(() -> forwardBlock(model, copy.parameters(), copy.batch(), calls / 2));
    forwardBlock(model, aCase.parameters(), aCase.batch(), calls - calls / 2);
    try {
      f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  private static ThreadFactory daemon() {
    return r -> {
      Thread t = new Thread(r, "benchmark-other-half");
      t.setDaemon(true);
      return t;
    };
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
