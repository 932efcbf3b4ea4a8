package io.github.gradprop.bench;

import io.github.gradprop.CheckOptions;
import io.github.gradprop.Gradients;
import io.github.gradprop.internal.check.GradientChecker;
import io.github.gradprop.model.Case;
import io.github.gradprop.testmodels.ReferenceMlp;
import java.util.Arrays;

/**
 * The cost of the watch alone, in one JVM: each round times a full {@code Gradients.check} of the
 * reference MLP (run on a watched worker thread) and the same check run inline on the calling
 * thread ({@code GradientChecker.check}, which still records every call in its slot), back to back,
 * and prints the median ratio watched / inline. The slot's cost per call is in both; compare {@link
 * ReferenceMlpBenchmark}'s ratio before and after for that (see {@code docs/performance.md}).
 *
 * <pre>
 * mvn -B -q test-compile exec:java -Dexec.mainClass=io.github.gradprop.bench.WatchOverheadBenchmark -Dexec.classpathScope=test
 * </pre>
 *
 * Optional arguments: warm-up rounds (default 10), timed rounds (default 40).
 */
public final class WatchOverheadBenchmark {

  private WatchOverheadBenchmark() {}

  public static void main(String[] args) {
    int warmups = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 40;
    ReferenceMlp model = new ReferenceMlp();
    Case aCase = ReferenceMlp.referenceCase(1);
    CheckOptions options = CheckOptions.defaults();
    for (int i = 0; i < warmups; i++) {
      Gradients.check(model, aCase, options);
      GradientChecker.check(model, aCase, options);
    }
    double[] watched = new double[rounds];
    double[] inline = new double[rounds];
    double[] ratio = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      long t0 = System.nanoTime();
      Gradients.check(model, aCase, options);
      long t1 = System.nanoTime();
      GradientChecker.check(model, aCase, options);
      long t2 = System.nanoTime();
      watched[r] = t1 - t0;
      inline[r] = t2 - t1;
      ratio[r] = watched[r] / inline[r];
    }
    System.out.printf(
        "gradprop watch overhead benchmark (reference MLP, %s)%n"
            + "watched : median %.2f ms per check (min %.2f)%n"
            + "inline  : median %.2f ms per check (min %.2f)%n"
            + "ratio   : watched / inline = %.3f median of %d rounds (min %.3f, max %.3f)%n",
        aCase.dimsText(),
        median(watched) / 1e6,
        Arrays.stream(watched).min().orElse(0) / 1e6,
        median(inline) / 1e6,
        Arrays.stream(inline).min().orElse(0) / 1e6,
        median(ratio),
        rounds,
        Arrays.stream(ratio).min().orElse(0),
        Arrays.stream(ratio).max().orElse(0));
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }
}
