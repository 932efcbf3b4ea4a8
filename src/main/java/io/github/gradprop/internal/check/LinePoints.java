package io.github.gradprop.internal.check;

import io.github.gradprop.ModelConfigurationException;
import io.github.gradprop.internal.report.ContractMessages;
import io.github.gradprop.model.Case;
import io.github.gradprop.model.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;

/**
 * The loss at the points of one direction's stencil, {@code f(theta + t v)} for several {@code t}.
 * When loss calls are slow enough to gain from it, the points are split over helper threads, each
 * moving its own copy of the case: the values do not depend on the split, so the verdicts are those
 * of one thread. A model that is not thread-safe cannot pass by it: corrupted values make the
 * stencils inconsistent (a kink, not compared) or disagree, and a disagreement, like a call that
 * throws on a helper, is evaluated again alone on one thread before it counts.
 */
final class LinePoints {

  /**
   * Helpers are used when one loss call takes at least this long: handing work over costs ~20 us.
   */
  static final long HELPERS_FROM_NANOS = 200_000;

  private final Invoker main;
  private final List<Tensor> targets;
  private final double[][] base;
  private final List<Invoker> helpers = new ArrayList<>();
  private final List<Invoker.LineProbe> probes = new ArrayList<>();
  private final List<Case> copies = new ArrayList<>();

  /**
   * Points of {@code main}'s case along directions over {@code targets} (at {@code base}), on up to
   * {@code threads} threads; {@code inputs} says whether the inputs are among the targets.
   */
  LinePoints(Invoker main, List<Tensor> targets, double[][] base, int threads, boolean inputs) {
    this.main = main;
    this.targets = targets;
    this.base = base;
    probes.add(main.lineProbe(targets, base));
    for (int j = 1; j < threads; j++) {
      Invoker helper = main.onACopy();
      helpers.add(helper);
      copies.add(helper.work());
      probes.add(helper.lineProbe(helper.targets(inputs), base));
    }
  }

  /**
   * How many threads to use for points that take {@code lossNanos} each, when allowed {@code max}.
   */
  static int threadsFor(long lossNanos, int max, int points) {
    return lossNanos >= HELPERS_FROM_NANOS ? Math.max(1, Math.min(max, points)) : 1;
  }

  int threads() {
    return probes.size();
  }

  /** The helpers' copies of the case, to check that none was modified. */
  List<Case> copies() {
    return copies;
  }

  /** Adds the helpers' loss calls and precision evidence to {@code main}'s; once, at the end. */
  void absorbHelpers() {
    for (Invoker h : helpers) {
      main.absorb(h);
    }
  }

  /**
   * The loss at {@code base + t * direction} for each {@code t} of {@code at}, in order; {@code
   * what} names the direction for messages ({@code random direction 2}).
   */
  double[] at(double[][] direction, double[] at, String what) {
    int n = probes.size();
    double[] f = new double[at.length];
    if (n == 1) {
      share(0, direction, at, f, 0, at.length);
      return f;
    }
    Throwable[] failed = new Throwable[n];
    List<Future<?>> running = new ArrayList<>();
    for (int j = 1; j < n; j++) {
      int k = j;
      Invoker helper = helpers.get(j - 1);
      running.add(
          Helpers.start(
              () -> {
                helper.runOnThisThreadUnderTheWatchOf(main);
                try {
                  share(k, direction, at, f, at.length * k / n, at.length * (k + 1) / n);
                } catch (RuntimeException | Error e) {
                  failed[k] = e;
                }
              }));
    }
    try {
      share(0, direction, at, f, 0, at.length / n);
    } catch (RuntimeException | Error e) {
      failed[0] = e;
    }
    for (Future<?> r : running) {
      Helpers.await(r);
    }
    for (Throwable t : failed) {
      if (t instanceof Error e) {
        throw e; // abandoned by the time limit, or gradprop's own failure
      }
    }
    for (int j = 0; j < n; j++) {
      if (failed[j] != null) {
        alone(direction, at); // throws what the model throws on one thread too
        throw notThreadSafe(
            what,
            "an error (" + ContractMessages.firstLine(failed[j].getMessage()) + ")",
            "no error");
      }
    }
    return f;
  }

  /**
   * The same points on this thread alone; throws the not-thread-safe message when they differ from
   * {@code before}, the values the threads gave.
   */
  void checkAlone(double[][] direction, double[] at, double[] before, String what) {
    if (probes.size() == 1) {
      return;
    }
    double[] again = alone(direction, at);
    for (int i = 0; i < at.length; i++) {
      if (Double.compare(again[i], before[i]) != 0) {
        throw notThreadSafe(
            what + " at t = " + at[i], String.valueOf(before[i]), String.valueOf(again[i]));
      }
    }
  }

  /**
   * The points evaluated again on this thread, through an invoker of their own: their calls are not
   * counted, so a check makes the same number of calls on one thread as on several.
   */
  private double[] alone(double[][] direction, double[] at) {
    Invoker.LineProbe probe = main.on(main.work()).lineProbe(targets, base);
    probe.along(direction);
    double[] f = new double[at.length];
    for (int i = 0; i < at.length; i++) {
      f[i] = probe.at(at[i]);
    }
    probe.restore();
    return f;
  }

  private void share(int j, double[][] direction, double[] at, double[] f, int from, int to) {
    Invoker.LineProbe probe = probes.get(j);
    probe.along(direction);
    for (int i = from; i < to; i++) {
      f[i] = probe.at(at[i]);
    }
    probe.restore();
  }

  private ModelConfigurationException notThreadSafe(String what, String onThreads, String alone) {
    return new ModelConfigurationException(
        ContractMessages.notThreadSafe(
            main.name(),
            probes.size(),
            "the loss along " + what,
            onThreads,
            alone,
            main.dimsText()));
  }
}
