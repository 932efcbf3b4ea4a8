package io.github.gradprop.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Compares two builds of gradprop in one JVM: each is loaded by its own class loader, and each
 * round checks the reference MLP once with each (alternating which goes first), timing the CPU time
 * of the calling thread plus gradprop's worker threads. CPU time, paired round by round, is far
 * less sensitive to other processes on a shared machine than wall time. Prints the median ratio B /
 * A over the rounds and the ratio of the sums.
 *
 * <pre>
 * git archive &lt;before&gt; | tar -x -C /tmp/before &amp;&amp; (cd /tmp/before &amp;&amp; mvn -q test-compile)
 * mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/deps.txt -Dmdep.includeScope=test
 * mvn -q exec:java -Dexec.mainClass=io.github.gradprop.bench.BuildComparisonBenchmark -Dexec.classpathScope=test \
 *     -Dexec.args="/tmp/before . /tmp/deps.txt 300"
 * </pre>
 */
public final class BuildComparisonBenchmark {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static long[] workers = new long[0];

  private BuildComparisonBenchmark() {}

  /** One build: its {@code Gradients.check}, the reference MLP and its reference case. */
  private static final class Build {
    final Method check;
    final Object model;
    final Object aCase;

    Build(String dir, String deps) throws ReflectiveOperationException, java.io.IOException {
      String[] parts = (dir + "/target/classes:" + dir + "/target/test-classes:" + deps).split(":");
      URL[] urls = new URL[parts.length];
      for (int i = 0; i < parts.length; i++) {
        urls[i] = Path.of(parts[i]).toUri().toURL();
      }
      ClassLoader loader = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader());
      Class<?> mlp = loader.loadClass("io.github.gradprop.testmodels.ReferenceMlp");
      model = mlp.getConstructor().newInstance();
      aCase = mlp.getMethod("referenceCase", long.class).invoke(null, 1L);
      check =
          loader
              .loadClass("io.github.gradprop.Gradients")
              .getMethod(
                  "check",
                  loader.loadClass("io.github.gradprop.model.GradientModel"),
                  loader.loadClass("io.github.gradprop.model.Case"));
    }

    long cpuNanos() throws ReflectiveOperationException {
      long t0 = cpu();
      check.invoke(null, model, aCase);
      return cpu() - t0;
    }
  }

  private static long cpu() {
    long c = THREADS.getCurrentThreadCpuTime();
    for (long id : workers) {
      c += Math.max(0, THREADS.getThreadCpuTime(id));
    }
    return c;
  }

  public static void main(String[] args) throws Exception {
    String deps = Files.readString(Path.of(args[2])).trim();
    Build a = new Build(args[0], deps);
    Build b = new Build(args[1], deps);
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 300;
    for (int i = 0; i < 30; i++) {
      a.cpuNanos();
      b.cpuNanos();
    }
    workers =
        Thread.getAllStackTraces().keySet().stream()
            .filter(t -> t.getName().startsWith("gradprop"))
            .mapToLong(Thread::getId)
            .toArray();
    double[] ratio = new double[rounds];
    double sumA = 0;
    double sumB = 0;
    for (int i = 0; i < rounds; i++) {
      long ta;
      long tb;
      if (i % 2 == 0) {
        ta = a.cpuNanos();
        tb = b.cpuNanos();
      } else {
        tb = b.cpuNanos();
        ta = a.cpuNanos();
      }
      ratio[i] = (double) tb / ta;
      sumA += ta;
      sumB += tb;
    }
    Arrays.sort(ratio);
    System.out.printf(
        "A = %s, B = %s, %d rounds, %d gradprop worker thread(s)%n"
            + "CPU time B / A: median %.4f (quartiles %.4f, %.4f); ratio of sums %.4f%n"
            + "mean CPU per check: A %.2f ms, B %.2f ms%n",
        args[0],
        args[1],
        rounds,
        workers.length,
        ratio[rounds / 2],
        ratio[rounds / 4],
        ratio[3 * rounds / 4],
        sumB / sumA,
        sumA / rounds / 1e6,
        sumB / rounds / 1e6);
  }
}
