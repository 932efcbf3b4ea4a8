package io.github.gradprop.bench;

import io.github.gradprop.CheckOptions;
import io.github.gradprop.EntryCheck;
import io.github.gradprop.GradientCheckResult;
import io.github.gradprop.Gradients;
import io.github.gradprop.internal.check.DirectionalChecker;
import io.github.gradprop.model.Case;
import io.github.gradprop.model.GradientModel;
import io.github.gradprop.model.Parameters;
import io.github.gradprop.model.Tensor;
import io.github.gradprop.testmodels.PlantedError;
import io.github.gradprop.testmodels.ReferenceMlp;
import java.util.Arrays;
import java.util.Random;

/**
 * Measures the directional check, in one run:
 *
 * <ol>
 *   <li>detection power on the reference MLP (20-50-10, batch 8, 1,560 parameters): for each trial
 *       a seed, its {@link ReferenceMlp#referenceCase(long)}, one entry drawn uniformly, a relative
 *       error of 1e-5 planted in it ({@link PlantedError}); the full check (gradprop's defaults)
 *       says whether the error is catchable at all (it flags the planted entry); the directional
 *       check, with the trial's seed, must then disagree;
 *   <li>false alarms: the directional check on the correct MLP for each seed, and on the correct
 *       MLP on cases with kinks (hidden units whose pre-activation is exactly 0 in every example,
 *       the edge cases a property draws);
 *   <li>cost: on an MLP 100-500-100 at batch 16 (100,600 parameters), the time of a directional
 *       check in forward passes (loss calls) measured side by side in the same run, and its loss
 *       calls.
 * </ol>
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat cp.txt) io.github.gradprop.bench.DirectionalBenchmark [trials] [rounds]
 * </pre>
 *
 * Defaults: 1,000 trials, 15 cost rounds.
 */
public final class DirectionalBenchmark {

  private static volatile double sink;

  private DirectionalBenchmark() {}

  public static void main(String[] args) {
    int trials = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
    System.out.printf(
        "gradprop directional check benchmark%njvm        : %s %s, %d available processors%n",
        System.getProperty("java.vm.name"),
        System.getProperty("java.runtime.version"),
        Runtime.getRuntime().availableProcessors());
    power(trials);
    falseAlarms(trials);
    cost(rounds);
  }

  static void power(int trials) {
    ReferenceMlp correct = new ReferenceMlp();
    int catchable = 0;
    int caught = 0;
    int caughtOverall = 0;
    long calls = 0;
    for (int s = 1; s <= trials; s++) {
      Case c = ReferenceMlp.referenceCase(s);
      Random r = new Random(1_000_003L * s);
      int flat = r.nextInt(c.parameters().size());
      String tensor = null;
      int index = flat;
      for (Tensor t : c.parameters().tensors()) {
        if (index < t.size()) {
          tensor = t.name();
          break;
        }
        index -= t.size();
      }
      GradientModel planted = new PlantedError(correct, tensor, index, 1e-5);
      GradientCheckResult full = Gradients.check(planted, c);
      boolean flagged = false;
      for (EntryCheck e : full.failures()) {
        flagged |= e.tensor().equals(tensor) && e.flatIndex() == index;
      }
      DirectionalChecker.Outcome o =
          DirectionalChecker.check(planted, c, CheckOptions.defaults(), s);
      calls += o.lossCalls();
      boolean disagrees = o.status() == DirectionalChecker.Status.DISAGREES;
      caughtOverall += disagrees ? 1 : 0;
      if (flagged) {
        catchable++;
        caught += disagrees ? 1 : 0;
      }
    }
    System.out.printf(
        "power      : relative error 1e-5 in one entry of the reference MLP, %d trials%n"
            + "             the full check flags the entry in %d trials; of those the directional"
            + " check catches %d (%.1f %%)%n"
            + "             directional catches over all trials: %d (%.1f %%); mean %.1f loss calls"
            + " per check%n",
        trials,
        catchable,
        caught,
        100.0 * caught / Math.max(1, catchable),
        caughtOverall,
        100.0 * caughtOverall / trials,
        calls / (double) trials);
  }

  static void falseAlarms(int trials) {
    ReferenceMlp correct = new ReferenceMlp();
    int alarms = 0;
    int kinkAlarms = 0;
    int undecided = 0;
    long kinkedDirections = 0;
    for (int s = 1; s <= trials; s++) {
      DirectionalChecker.Outcome o =
          DirectionalChecker.check(
              correct, ReferenceMlp.referenceCase(s), CheckOptions.defaults(), s);
      alarms += o.status() == DirectionalChecker.Status.DISAGREES ? 1 : 0;
      kinkedDirections += o.directions().size() - o.compared();
      DirectionalChecker.Outcome k =
          DirectionalChecker.check(correct, onKinks(s), CheckOptions.defaults(), s);
      kinkAlarms += k.status() == DirectionalChecker.Status.DISAGREES ? 1 : 0;
      undecided += k.status() == DirectionalChecker.Status.UNDECIDED ? 1 : 0;
      kinkedDirections += k.directions().size() - k.compared();
    }
    System.out.printf(
        "false      : %d alarms in %d checks of the correct MLP; %d alarms (%d undecided) in %d"
            + " checks of cases with exact kinks; %d directions skipped for kinks%n",
        alarms, trials, kinkAlarms, undecided, trials, kinkedDirections);
  }

  /** The reference case with its first five hidden units at a kink in every example. */
  static Case onKinks(long seed) {
    Case c = ReferenceMlp.referenceCase(seed);
    Parameters p = c.parameters();
    double[][] w1 = p.matrix("w1");
    double[] b1 = p.vector("b1");
    for (int j = 0; j < 5; j++) {
      Arrays.fill(w1[j], 0);
      b1[j] = 0;
    }
    return c;
  }

  static void cost(int rounds) {
    ReferenceMlp model = new ReferenceMlp();
    Case c = ReferenceMlp.randomCase(1, 16, 100, 500, 100);
    int p = c.parameters().size();
    double[] ratio = new double[rounds];
    double[] forwardUs = new double[rounds];
    double[] calls = new double[rounds];
    long kinked = 0;
    for (int w = 0; w < 3; w++) {
      DirectionalChecker.check(model, c, CheckOptions.defaults(), w);
    }
    for (int r = 0; r < rounds; r++) {
      long t0 = System.nanoTime();
      double acc = 0;
      for (int i = 0; i < 20; i++) {
        acc += model.loss(c.parameters(), c.batch());
      }
      long t1 = System.nanoTime();
      DirectionalChecker.Outcome o =
          DirectionalChecker.check(model, c, CheckOptions.defaults(), 100 + r);
      long t2 = System.nanoTime();
      sink += acc;
      calls[r] = o.lossCalls();
      kinked += o.directions().size() - o.compared();
      double forward = (t1 - t0) / 20.0;
      forwardUs[r] = forward / 1e3;
      ratio[r] = (t2 - t1) / forward;
    }
    System.out.printf(
        "cost       : MLP 100-500-100 batch 16, P = %,d: directional check = %.1f forward passes"
            + " (median of %d rounds, min %.1f, max %.1f); loss calls median %.0f (min %.0f, max"
            + " %.0f) + 1 gradient; %d directions skipped for kinks; forward %.0f us%n",
        p,
        median(ratio),
        rounds,
        min(ratio),
        max(ratio),
        median(calls),
        min(calls),
        max(calls),
        kinked,
        median(forwardUs));
  }

  static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }

  static double min(double[] v) {
    return Arrays.stream(v).min().orElse(Double.NaN);
  }

  static double max(double[] v) {
    return Arrays.stream(v).max().orElse(Double.NaN);
  }
}
