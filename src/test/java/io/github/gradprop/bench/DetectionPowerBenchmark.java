package io.github.gradprop.bench;

import io.github.gradprop.CheckOptions;
import io.github.gradprop.DifferenceScheme;
import io.github.gradprop.EntryCheck;
import io.github.gradprop.GradientCheckResult;
import io.github.gradprop.Gradients;
import io.github.gradprop.model.Case;
import io.github.gradprop.model.GradientModel;
import io.github.gradprop.model.Parameters;
import io.github.gradprop.model.Tensor;
import io.github.gradprop.testmodels.PlantedError;
import io.github.gradprop.testmodels.ReferenceMlp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Measures how often a gradient check catches a small error planted in one gradient entry of the
 * reference MLP (20-50-10, batch 8, ReLU, softmax cross-entropy, 1,560 parameters), and how often
 * it raises a false alarm on the correct model.
 *
 * <p>For each seed, the case is {@link ReferenceMlp#referenceCase(long)} and two entries are drawn
 * once: one uniformly over all 1,560 entries, one uniformly over the entries whose correct |g| is
 * above that case's median |g|. Into each, {@link PlantedError} plants every relative error r in
 * {1e-2, ..., 1e-7} in turn, and each variant of the check runs on each planted model. An error
 * counts as detected when the check flags the planted entry itself and does not flag it on the
 * correct model (an entry whose stencil crosses a ReLU kink fails either way); failures elsewhere
 * are false alarms and are counted as such on the correct model. Every variant sees the same
 * entries (paired comparison).
 *
 * <p>The variants are gradprop's defaults, gradprop with {@link DifferenceScheme#FIVE_POINT}, the
 * tolerances of PyTorch's {@code gradcheck} (central difference with step 1e-6, atol 1e-5, rtol
 * 1e-3), and two "floor" variants (central and 5-point with atol 0 and rtol 0, so that only
 * gradprop's rounding allowance is left) that show what finite differences can resolve at all.
 *
 * <p>Each false alarm is attributed: an entry fails "at a kink" when its stencil, reaching {@code
 * reach * h} either side, moves some ReLU pre-activation across 0. Only {@code w1} and {@code b1}
 * move pre-activations.
 *
 * <p>A main, not a test: rates belong in a report, not in a pass/fail build. Run it with
 *
 * <pre>
 * mvn -B -q test-compile exec:java -Dexec.mainClass=io.github.gradprop.bench.DetectionPowerBenchmark -Dexec.classpathScope=test
 * </pre>
 *
 * Optional arguments: number of seeds (default 60, seeds 1..n), threads (default: available
 * processors).
 */
public final class DetectionPowerBenchmark {

  static final double[] ERRORS = {1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-7};
  static final String[] DRAWS = {"any entry", "|g| > median"};

  /** One way of running the check, and how far its stencil reaches in steps. */
  record Variant(String name, CheckOptions options, int reach) {}

  static final List<Variant> VARIANTS =
      List.of(
          new Variant("gradprop default", CheckOptions.defaults(), 1),
          new Variant(
              "gradprop 5-point",
              CheckOptions.defaults().withScheme(DifferenceScheme.FIVE_POINT),
              2),
          new Variant(
              "PyTorch tolerances",
              CheckOptions.defaults().withStep(1e-6).withAtol(1e-5).withRtol(1e-3),
              1),
          new Variant("central, atol=rtol=0", CheckOptions.defaults().withAtol(0).withRtol(0), 1),
          new Variant(
              "5-point, atol=rtol=0",
              CheckOptions.defaults()
                  .withScheme(DifferenceScheme.FIVE_POINT)
                  .withAtol(0)
                  .withRtol(0),
              2));

  private static final double EPS = Math.ulp(1.0);

  private DetectionPowerBenchmark() {}

  /** What one seed contributes. Arrays are indexed [variant][draw][error]. */
  record SeedResult(
      long seed,
      double[] drawnMagnitude,
      boolean[][][] detected,
      boolean[][][] predicted,
      boolean[][][] otherFailures,
      boolean[][] plantedEntryFailsAnyway,
      int[] falseAlarmsAtKinks,
      int[] falseAlarmsElsewhere,
      double[] largestErrorAwayFromKinks,
      double[] roundingAllowance,
      List<String> falseAlarmText,
      double[] magnitudes) {}

  public static void main(String[] args) throws InterruptedException, ExecutionException {
    int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
    int threads =
        args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();

    System.out.printf(
        "gradprop detection power on the reference MLP%n"
            + "shape    : %s, P = 1,560, seeds 1..%d, %d threads%n"
            + "jvm      : %s %s%n",
        ReferenceMlp.referenceCase(1).dimsText(),
        seeds,
        threads,
        System.getProperty("java.vm.name"),
        System.getProperty("java.runtime.version"));
    for (Variant v : VARIANTS) {
      System.out.printf("variant  : %-22s %s%n", v.name(), v.options());
    }

    long t0 = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<SeedResult>> futures = new ArrayList<>();
    for (long seed = 1; seed <= seeds; seed++) {
      long s = seed;
      futures.add(pool.submit(() -> runSeed(s)));
    }
    List<SeedResult> results = new ArrayList<>();
    for (Future<SeedResult> f : futures) {
      results.add(f.get());
    }
    pool.shutdown();
    double seconds = (System.nanoTime() - t0) / 1e9;

    report(results, seconds);
  }

  static SeedResult runSeed(long seed) {
    ReferenceMlp model = new ReferenceMlp();
    Case aCase = ReferenceMlp.referenceCase(seed);
    Parameters params = aCase.parameters();
    Parameters g = params.zerosLike();
    model.gradient(params, aCase.batch(), g);
    double loss = model.loss(params, aCase.batch());
    double[][] z = preActivations(aCase);

    List<Tensor> tensors = g.tensors();
    int p = params.size();
    double[] magnitudes = new double[p];
    String[] tensorOf = new String[p];
    int[] indexOf = new int[p];
    int k = 0;
    for (Tensor t : tensors) {
      for (int i = 0; i < t.size(); i++, k++) {
        magnitudes[k] = Math.abs(t.get(i));
        tensorOf[k] = t.name();
        indexOf[k] = i;
      }
    }
    double median = median(magnitudes);
    int[] aboveMedian = new int[p];
    int above = 0;
    for (int e = 0; e < p; e++) {
      if (magnitudes[e] > median) {
        aboveMedian[above++] = e;
      }
    }
    Random random = new Random(0x9E3779B97F4A7C15L ^ seed);
    int[] drawn = {random.nextInt(p), aboveMedian[random.nextInt(above)]};

    int nv = VARIANTS.size();
    boolean[][][] detected = new boolean[nv][DRAWS.length][ERRORS.length];
    boolean[][][] predicted = new boolean[nv][DRAWS.length][ERRORS.length];
    boolean[][][] otherFailures = new boolean[nv][DRAWS.length][ERRORS.length];
    boolean[][] failsAnyway = new boolean[nv][DRAWS.length];
    int[] atKinks = new int[nv];
    int[] elsewhere = new int[nv];
    double[] largestError = new double[nv];
    double[] rounding = new double[nv];
    List<String> falseAlarmText = new ArrayList<>();

    for (int v = 0; v < nv; v++) {
      Variant variant = VARIANTS.get(v);
      GradientCheckResult clean = Gradients.check(model, aCase, variant.options());
      Set<String> cleanFailures = new HashSet<>();
      int kinks = 0;
      for (EntryCheck e : clean.failures()) {
        cleanFailures.add(e.tensor() + "#" + e.flatIndex());
        if (crossesKink(aCase, z, e.tensor(), e.flatIndex(), variant)) {
          kinks++;
        }
      }
      atKinks[v] = kinks;
      rounding[v] = clean.maxRounding();
      for (String name : clean.tensors()) {
        double[] a = clean.analytic(name);
        double[] num = clean.numeric(name);
        for (int i = 0; i < a.length; i++) {
          if (!crossesKink(aCase, z, name, i, variant)) {
            largestError[v] = Math.max(largestError[v], Math.abs(a[i] - num[i]));
          }
        }
      }
      elsewhere[v] = clean.failures().size() - kinks;
      if (!clean.passed()) {
        EntryCheck worst = clean.failures().get(0);
        falseAlarmText.add(
            String.format(
                "seed %3d, %-22s %3d failing entries, %3d with a kink inside the stencil;"
                    + " worst %s%s rel-error %.1e",
                seed,
                variant.name() + ":",
                clean.failures().size(),
                kinks,
                worst.tensor(),
                worst.indexText(),
                worst.relativeError()));
      }
      for (int d = 0; d < DRAWS.length; d++) {
        String tensor = tensorOf[drawn[d]];
        int index = indexOf[drawn[d]];
        double gEntry = g.tensor(tensor).get(index);
        double theta = params.tensor(tensor).get(index);
        failsAnyway[v][d] = cleanFailures.contains(tensor + "#" + index);
        for (int r = 0; r < ERRORS.length; r++) {
          GradientModel planted = new PlantedError(model, tensor, index, ERRORS[r]);
          GradientCheckResult result = Gradients.check(planted, aCase, variant.options());
          for (EntryCheck e : result.failures()) {
            if (e.tensor().equals(tensor) && e.flatIndex() == index) {
              detected[v][d][r] = !failsAnyway[v][d];
            } else {
              otherFailures[v][d][r] = true;
            }
          }
          predicted[v][d][r] = predictedDetection(gEntry, ERRORS[r], theta, loss, variant);
        }
      }
    }
    double[] drawnMagnitude = new double[DRAWS.length];
    for (int d = 0; d < DRAWS.length; d++) {
      drawnMagnitude[d] = magnitudes[drawn[d]];
    }
    return new SeedResult(
        seed,
        drawnMagnitude,
        detected,
        predicted,
        otherFailures,
        failsAnyway,
        atKinks,
        elsewhere,
        largestError,
        rounding,
        falseAlarmText,
        magnitudes);
  }

  /**
   * Whether the planted error exceeds the tolerance if the numeric estimate were exact: {@code r
   * |g| > atol + rtol |g| + rounding}, with gradprop's rounding allowance {@code 16 eps |loss| gain
   * / h}.
   */
  static boolean predictedDetection(double g, double r, double theta, double loss, Variant v) {
    CheckOptions o = v.options();
    double h = o.step() * Math.max(1, Math.abs(theta));
    double gain = o.scheme() == DifferenceScheme.CENTRAL ? 1.0 : 1.5;
    double rounding =
        io.github.gradprop.internal.verdict.EntryClassifier.ROUNDING_FACTOR
            * EPS
            * Math.abs(loss)
            * gain
            / h;
    return Math.abs(r * g) > o.atol() + o.rtol() * Math.abs(g) + rounding;
  }

  /** z[n][j] = b1[j] + sum_i w1[j][i] x[n][i], as the model computes it. */
  static double[][] preActivations(Case c) {
    double[][] w1 = c.parameters().matrix("w1");
    double[] b1 = c.parameters().vector("b1");
    double[][] x = c.batch().inputs();
    double[][] z = new double[x.length][w1.length];
    for (int n = 0; n < x.length; n++) {
      for (int j = 0; j < w1.length; j++) {
        double s = b1[j];
        for (int i = 0; i < x[n].length; i++) {
          s += w1[j][i] * x[n][i];
        }
        z[n][j] = s;
      }
    }
    return z;
  }

  /** Whether moving this entry by up to {@code reach * h} moves some pre-activation across 0. */
  static boolean crossesKink(Case c, double[][] z, String tensor, int flatIndex, Variant v) {
    double[][] x = c.batch().inputs();
    double c0 = v.options().step();
    if (tensor.equals("w1")) {
      int in = x[0].length;
      int j = flatIndex / in;
      int i = flatIndex % in;
      double h = c0 * Math.max(1, Math.abs(c.parameters().matrix("w1")[j][i]));
      for (int n = 0; n < x.length; n++) {
        if (Math.abs(z[n][j]) <= v.reach() * h * Math.abs(x[n][i])) {
          return true;
        }
      }
    } else if (tensor.equals("b1")) {
      double h = c0 * Math.max(1, Math.abs(c.parameters().vector("b1")[flatIndex]));
      for (double[] row : z) {
        if (Math.abs(row[flatIndex]) <= v.reach() * h) {
          return true;
        }
      }
    }
    return false;
  }

  static void report(List<SeedResult> results, double seconds) {
    int n = results.size();
    int nv = VARIANTS.size();
    System.out.printf("time     : %.1f s%n%n", seconds);

    double[] all = results.stream().flatMapToDouble(s -> Arrays.stream(s.magnitudes())).toArray();
    Arrays.sort(all);
    long zeros = Arrays.stream(all).filter(m -> m == 0).count();
    System.out.printf(
        "|g| over all %,d entries of all seeds: %,d exactly 0; quantiles 10%% %.1e, 25%% %.1e,"
            + " 50%% %.1e, 75%% %.1e, 90%% %.1e, max %.1e%n",
        all.length,
        zeros,
        quantile(all, 0.10),
        quantile(all, 0.25),
        quantile(all, 0.50),
        quantile(all, 0.75),
        quantile(all, 0.90),
        all[all.length - 1]);
    for (int d = 0; d < DRAWS.length; d++) {
      int dd = d;
      double[] m = results.stream().mapToDouble(s -> s.drawnMagnitude()[dd]).sorted().toArray();
      long zero = Arrays.stream(m).filter(x -> x == 0).count();
      System.out.printf(
          "drawn (%s): |g| median %.1e, min %.1e, %d exactly 0%n",
          DRAWS[d], quantile(m, 0.5), m[0], zero);
    }
    System.out.println();

    for (int d = 0; d < DRAWS.length; d++) {
      System.out.printf(
          "Detection rate, planted entry drawn from %s (%d seeds); in brackets: predicted by"
              + " r|g| > tolerance%n",
          DRAWS[d], n);
      StringBuilder head = new StringBuilder(String.format("%-6s", "r"));
      for (Variant v : VARIANTS) {
        head.append(String.format("  %-22s", v.name()));
      }
      System.out.println(head);
      for (int r = 0; r < ERRORS.length; r++) {
        StringBuilder row = new StringBuilder(String.format("%-6.0e", ERRORS[r]));
        for (int v = 0; v < nv; v++) {
          int hit = 0;
          int pred = 0;
          for (SeedResult s : results) {
            hit += s.detected()[v][d][r] ? 1 : 0;
            pred += s.predicted()[v][d][r] ? 1 : 0;
          }
          row.append(
              String.format(
                  "  %-22s",
                  String.format("%5.1f%% (%5.1f%%)", 100.0 * hit / n, 100.0 * pred / n)));
        }
        System.out.println(row);
      }
      StringBuilder anyway =
          new StringBuilder("drawn entry already fails on the correct model (kink):");
      for (int v = 0; v < nv; v++) {
        int dd = d;
        int vv = v;
        long c = results.stream().filter(s -> s.plantedEntryFailsAnyway()[vv][dd]).count();
        anyway.append(String.format(" %s %d;", VARIANTS.get(v).name(), c));
      }
      System.out.println(anyway);
      System.out.println();
    }

    System.out.println("False alarms on the correct model (seeds with at least one failing entry)");
    for (int v = 0; v < nv; v++) {
      int seedsAny = 0;
      int seedsNoKink = 0;
      int entriesKink = 0;
      int entriesElse = 0;
      int plantedRunsWithOthers = 0;
      for (SeedResult s : results) {
        int fa = s.falseAlarmsAtKinks()[v] + s.falseAlarmsElsewhere()[v];
        seedsAny += fa > 0 ? 1 : 0;
        seedsNoKink += s.falseAlarmsElsewhere()[v] > 0 ? 1 : 0;
        entriesKink += s.falseAlarmsAtKinks()[v];
        entriesElse += s.falseAlarmsElsewhere()[v];
        for (boolean[] perDraw : s.otherFailures()[v]) {
          for (boolean b : perDraw) {
            plantedRunsWithOthers += b ? 1 : 0;
          }
        }
      }
      System.out.printf(
          "%-22s %3d of %d seeds (%d entries at kinks, %d entries elsewhere on %d seeds);"
              + " planted runs that also failed elsewhere: %d of %d%n",
          VARIANTS.get(v).name(),
          seedsAny,
          n,
          entriesKink,
          entriesElse,
          seedsNoKink,
          plantedRunsWithOthers,
          n * DRAWS.length * ERRORS.length);
    }
    System.out.println();
    System.out.println(
        "Correct model, entries whose stencil crosses no kink: largest |analytic - numeric| over"
            + " all seeds (the finite-difference error), and the largest rounding allowance");
    for (int v = 0; v < nv; v++) {
      int vv = v;
      System.out.printf(
          "%-22s %.1e   allowance %.1e%n",
          VARIANTS.get(v).name(),
          results.stream().mapToDouble(s -> s.largestErrorAwayFromKinks()[vv]).max().orElse(0),
          results.stream().mapToDouble(s -> s.roundingAllowance()[vv]).max().orElse(0));
    }
    System.out.println();
    System.out.println("Seeds with false alarms:");
    results.stream()
        .flatMap(s -> s.falseAlarmText().stream())
        .forEach(t -> System.out.println("  " + t));
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return quantile(s, 0.5);
  }

  private static double quantile(double[] sorted, double q) {
    double pos = q * (sorted.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
  }
}
