package io.github.gradprop.bench;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * How much the HTML reports add to the run time of the seed example's properties: the question's
 * network in all nine activation x cost cells (seven pass, two fail and shrink), each round run
 * through the Jupiter engine three times back to back, with {@code gradprop.reports} set to {@code
 * off}, {@code failures} (the default: two pages and the index) and {@code all} (nine pages), in an
 * order that rotates every round so that load from other processes hits each alike. Prints the
 * medians and the ratios {@code failures / off} and {@code all / off} (median of the per-round
 * ratios), for the CPU time of the thread that runs the engine (user + system, so the file writes
 * count; far less sensitive to other processes on a shared machine) and for wall time. Arguments:
 * warm-up rounds, timed rounds (default 3 and 15).
 */
public final class HtmlReportBenchmark {

  private static final String FIXTURE =
      "io.github.gradprop.property.SeedNetworkTestCases$WholeTable";
  private static final String[] MODES = {"off", "failures", "all"};

  private HtmlReportBenchmark() {}

  public static void main(String[] args) throws Exception {
    int warmUp = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
    Path dir = Files.createTempDirectory("gradprop-html-bench");
    Class<?> fixture = Class.forName(FIXTURE);
    for (int r = 0; r < warmUp; r++) {
      for (String mode : MODES) {
        run(fixture, mode, dir, r);
      }
    }
    double[][] millis = new double[MODES.length][rounds];
    double[][] cpu = new double[MODES.length][rounds];
    for (int r = 0; r < rounds; r++) {
      for (int k = 0; k < MODES.length; k++) {
        int m = (k + r) % MODES.length;
        double[] t = run(fixture, MODES[m], dir, 1000 + r);
        millis[m][r] = t[0];
        cpu[m][r] = t[1];
      }
    }
    try (var files = Files.list(dir)) {
      System.out.printf("pages written in %s: %d files%n", dir, files.count());
    }
    print("cpu ", cpu, rounds);
    print("wall", millis, rounds);
  }

  private static void print(String what, double[][] millis, int rounds) {
    double[][] ratios = new double[2][rounds];
    for (int r = 0; r < rounds; r++) {
      ratios[0][r] = millis[1][r] / millis[0][r];
      ratios[1][r] = millis[2][r] / millis[0][r];
    }
    for (int m = 0; m < MODES.length; m++) {
      System.out.printf(
          Locale.ROOT,
          "%s reports=%-8s median %8.1f ms  (min %.1f, max %.1f) per run of the 9 properties%n",
          what,
          MODES[m],
          median(millis[m]),
          Arrays.stream(millis[m]).min().orElse(0),
          Arrays.stream(millis[m]).max().orElse(0));
    }
    System.out.printf(
        Locale.ROOT,
        "%s ratio failures/off: %.3f (median of %d rounds), from medians %.3f%n",
        what,
        median(ratios[0]),
        rounds,
        median(millis[1]) / median(millis[0]));
    System.out.printf(
        Locale.ROOT,
        "%s ratio all/off     : %.3f (median of %d rounds), from medians %.3f%n",
        what,
        median(ratios[1]),
        rounds,
        median(millis[2]) / median(millis[0]));
  }

  /** One run of the nine properties on a fixed seed per round; wall and thread CPU time in ms. */
  private static double[] run(Class<?> fixture, String mode, Path dir, long seed) {
    var threads = java.lang.management.ManagementFactory.getThreadMXBean();
    long cpuStart = threads.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    var results =
        EngineTestKit.engine("junit-jupiter")
            .selectors(selectClass(fixture))
            .configurationParameter("gradprop.seed", String.valueOf(seed))
            .configurationParameter("gradprop.replay", "false")
            .configurationParameter("gradprop.shrinkMillis", "600000")
            .configurationParameter("gradprop.reports", mode)
            .configurationParameter("gradprop.reports.dir", dir.toString())
            .execute();
    double ms = (System.nanoTime() - start) / 1e6;
    double cpuMs = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6;
    List<String> failed = new ArrayList<>();
    results.testEvents().failed().stream()
        .forEach(e -> failed.add(e.getTestDescriptor().getDisplayName()));
    if (failed.size() != 2) {
      throw new AssertionError("expected the two failing cells, got " + failed);
    }
    return new double[] {ms, cpuMs};
  }

  private static double median(double[] values) {
    double[] s = values.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }
}
