package io.github.gradprop.internal.check;

import io.github.gradprop.ModelConfigurationException;
import io.github.gradprop.internal.numerics.Stencil;
import io.github.gradprop.internal.report.ContractMessages;
import io.github.gradprop.internal.verdict.Classification;
import io.github.gradprop.internal.verdict.EntryClassifier;
import io.github.gradprop.model.Case;
import io.github.gradprop.model.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The first pass over every entry of one check, on one or more worker threads. The entries are
 * taken in chunks of {@link #CHUNK}, in order, by whichever thread is free (so a thread that starts
 * late or runs slower does not hold the others up); each thread perturbs its own copy of the case
 * through its own {@link Invoker}, and the calling thread uses the check's own case. Entries are
 * pure functions of the case (see {@link EntryClassifier}), so the estimates do not depend on which
 * thread ran them: the caller reads them back in entry order and gets, byte for byte, what one
 * thread gets. A failure stops the threads from taking further chunks; every chunk before it is
 * finished, so the failure reported is the first in entry order, as on one thread.
 *
 * <p>What one thread cannot give is a model that is not thread-safe (scratch in a static field):
 * its losses go wrong when two threads call it at once. Such a model shows up as entries that do
 * not simply agree, or as a call that throws; {@link #verify} checks those again alone on one
 * thread and names the cause when the two differ, so the corruption never reaches a verdict.
 */
final class EntrySweep {

  /** Below this many entries per thread, starting a thread costs more than it saves. */
  static final int MIN_ENTRIES_PER_THREAD = 16;

  /** At most this many entries that did not simply agree are checked again alone. */
  static final int VERIFY_AT_MOST = 64;

  /** Entries a thread takes at a time. */
  static final int CHUNK = 8;

  /**
   * Unless the thread count was set, each thread must get at least this much work (loss calls):
   * handing a share to a helper costs tens of microseconds, and the checks of small cases, which
   * shrinking makes by the hundred, take less than that.
   */
  static final long MIN_SHARE_NANOS = 500_000;

  /** An entry that needed more than the first look, with its classification. */
  record Found(int tensor, int index, Classification c) {}

  private final Invoker main;
  private final EntryClassifier classifier;
  private final double loss;
  private final List<Tensor> targets;
  private final double[][] analytic;
  private final double[][] numeric;
  private final int[] offsets;
  private final List<Share> shares = new ArrayList<>();
  private final AtomicInteger nextChunk = new AtomicInteger();
  private volatile boolean stop;
  private int total;
  private int chunks;
  private List<List<Found>> foundByChunk;

  EntrySweep(
      Invoker main,
      EntryClassifier classifier,
      double loss,
      List<Tensor> targets,
      List<Tensor> analytics) {
    this.main = main;
    this.classifier = classifier;
    this.loss = loss;
    this.targets = targets;
    int n = targets.size();
    this.analytic = new double[n][];
    this.numeric = new double[n][];
    this.offsets = new int[n + 1];
    for (int k = 0; k < n; k++) {
      analytic[k] = analytics.get(k).toArray();
      numeric[k] = new double[targets.get(k).size()];
      offsets[k + 1] = offsets[k] + targets.get(k).size();
    }
  }

  /** The number of threads a sweep of {@code entries} entries uses when allowed {@code max}. */
  static int threadsFor(int entries, int max) {
    return Math.max(1, Math.min(max, entries / MIN_ENTRIES_PER_THREAD));
  }

  /**
   * The number of threads for {@code entries} entries whose loss calls take {@code lossNanos} each,
   * allowed {@code max}, when each extra thread must gain: at least {@link #MIN_SHARE_NANOS} of
   * loss calls per thread.
   */
  static int threadsThatPay(int entries, int max, long lossNanos) {
    long sweepNanos = 2L * entries * Math.max(0, lossNanos);
    long paying = Math.max(1, sweepNanos / MIN_SHARE_NANOS);
    return (int) Math.min(threadsFor(entries, max), paying);
  }

  /**
   * Sweeps every entry on up to {@code maxThreads} threads (fewer, when {@code onlyIfItPays}, for a
   * check whose loss calls of {@code lossNanos} each add up to little); rethrows the first failure.
   */
  void run(int maxThreads, boolean onlyIfItPays, long lossNanos, boolean inputsAreTargets) {
    total = offsets[offsets.length - 1];
    chunks = (total + CHUNK - 1) / CHUNK;
    foundByChunk = new ArrayList<>(java.util.Collections.nCopies(chunks, (List<Found>) null));
    int threads =
        onlyIfItPays ? threadsThatPay(total, maxThreads, lossNanos) : threadsFor(total, maxThreads);
    shares.add(new Share(main, targets));
    for (int s = 1; s < threads; s++) {
      Invoker helper = main.onACopy();
      shares.add(new Share(helper, helper.targets(inputsAreTargets)));
    }
    List<Future<?>> workers = new ArrayList<>();
    for (int s = 1; s < threads; s++) {
      workers.add(Helpers.start(shares.get(s)));
    }
    main.slot().entries(0, total);
    shares.get(0).run();
    for (Future<?> f : workers) {
      Helpers.await(f);
    }
    main.slot().entries(total, total);
    for (int s = 1; s < threads; s++) {
      main.absorb(shares.get(s).invoker);
    }
    if (threads > 1) {
      verify(threads);
    }
    Share failed = firstFailed();
    if (failed != null) {
      failed.rethrow();
    }
  }

  /** The share whose failure comes first in entry order, or null. */
  private Share firstFailed() {
    Share first = null;
    for (Share s : shares) {
      if (s.failed() && (first == null || s.failedChunk < first.failedChunk)) {
        first = s;
      }
    }
    return first;
  }

  /** The analytic values of target {@code k}. */
  double[] analytic(int k) {
    return analytic[k];
  }

  /** The estimates of target {@code k}. */
  double[] numeric(int k) {
    return numeric[k];
  }

  /** The entries that needed more than a first look, in entry order. */
  List<Found> found() {
    List<Found> all = new ArrayList<>();
    for (List<Found> f : foundByChunk) {
      if (f != null) {
        all.addAll(f);
      }
    }
    return all;
  }

  /** The largest rounding allowance among the entries that agreed at the first look. */
  double maxRounding() {
    double r = 0;
    for (Share s : shares) {
      r = Math.max(r, s.maxRounding);
    }
    return r;
  }

  /** The worker threads' copies of the case, to check that none was modified. */
  List<Case> copies() {
    List<Case> copies = new ArrayList<>();
    for (int s = 1; s < shares.size(); s++) {
      copies.add(shares.get(s).invoker.work());
    }
    return copies;
  }

  /**
   * Checks again, alone on this thread, the first failure and the first entries that did not simply
   * agree; throws the not-thread-safe message when one of them comes out differently.
   */
  private void verify(int threads) {
    Invoker alone = main.on(main.work());
    Stencil stencil = new Stencil();
    int checked = 0;
    for (Found f : found()) {
      if (checked++ >= VERIFY_AT_MOST) {
        break;
      }
      Classification again = classifyAlone(alone, stencil, f.tensor, f.index);
      if (again.kind() != f.c.kind()
          || Double.compare(again.numeric(), f.c.numeric()) != 0
          || again.steps() != f.c.steps()) {
        throw notThreadSafe(threads, f.tensor, f.index, estimate(f.c), estimate(again));
      }
    }
    Share s = firstFailed();
    if (s != null && s.failure != null) {
      Classification again = classifyAlone(alone, stencil, s.failedTensor, s.failedIndex);
      throw notThreadSafe(
          threads,
          s.failedTensor,
          s.failedIndex,
          "an error (" + ContractMessages.firstLine(s.failure.getMessage()) + ")",
          "no error and " + estimate(again));
    }
  }

  private Classification classifyAlone(Invoker alone, Stencil stencil, int k, int i) {
    Tensor t = targets.get(k);
    Invoker.Probe probe = alone.probe();
    probe.focus(t);
    double theta = t.get(i);
    probe.entry(i, theta);
    try {
      return classifier.classify(
          stencil, probe, loss, theta, Math.max(1, Math.abs(theta)), analytic[k][i]);
    } finally {
      t.set(i, theta);
    }
  }

  private ModelConfigurationException notThreadSafe(
      int threads, int k, int i, String onWorker, String aloneText) {
    Tensor t = targets.get(k);
    return new ModelConfigurationException(
        ContractMessages.notThreadSafe(
            main.name(),
            threads,
            t.name() + t.indexText(i),
            onWorker,
            aloneText,
            main.work().dimsText()));
  }

  private static String estimate(Classification c) {
    return "the estimate " + c.numeric() + " (" + c.kind().name().toLowerCase() + ")";
  }

  /** One thread's part of the sweep: its own invoker and case copy, the chunks it took. */
  private final class Share implements Runnable {
    private final Invoker invoker;
    private final List<Tensor> tensors;
    private double maxRounding;
    private RuntimeException failure;
    private Error error;
    private int failedChunk = Integer.MAX_VALUE;
    private int failedTensor;
    private int failedIndex;

    Share(Invoker invoker, List<Tensor> tensors) {
      this.invoker = invoker;
      this.tensors = tensors;
    }

    @Override
    public void run() {
      try {
        if (invoker != main) {
          invoker.runOnThisThreadUnderTheWatchOf(main);
        }
        sweep();
      } catch (RuntimeException e) {
        failure = e;
        stop = true;
      } catch (Error e) {
        error = e;
        stop = true;
      } finally {
        finished();
      }
    }

    boolean failed() {
      return failure != null || error != null;
    }

    private void sweep() {
      Stencil stencil = new Stencil();
      Invoker.Probe probe = invoker.probe();
      CallSlot slot = invoker.slot();
      int done = 0;
      // once another thread failed, take no more chunks; every chunk taken is finished, and every
      // chunk before the failing one was taken before it, so the first failure is found
      while (!stop) {
        int c = nextChunk.getAndIncrement();
        if (c >= chunks) {
          break;
        }
        failedChunk = c;
        int from = c * CHUNK;
        int to = Math.min(total, from + CHUNK);
        int k = 0;
        while (offsets[k + 1] <= from) {
          k++;
        }
        List<Found> found = null;
        for (int e = from; e < to; e++, slot.entryDone(++done)) {
          while (offsets[k + 1] <= e) {
            k++;
          }
          Tensor t = tensors.get(k);
          int i = e - offsets[k];
          failedTensor = k;
          failedIndex = i;
          probe.focus(t);
          double theta = t.get(i);
          probe.entry(i, theta);
          double scale = Math.max(1, Math.abs(theta));
          double a = analytic[k][i];
          if (classifier.firstLook(stencil, probe, loss, theta, scale, a)) {
            // the common case, smooth and agreeing, allocates nothing
            t.set(i, theta);
            numeric[k][i] = stencil.estimate;
            maxRounding = Math.max(maxRounding, classifier.rounding(stencil, loss));
            continue;
          }
          Classification cl = classifier.resume(stencil, probe, loss, theta, scale, a);
          t.set(i, theta);
          numeric[k][i] = cl.numeric();
          if (found == null) {
            found = new ArrayList<>();
          }
          found.add(new Found(k, i, cl));
        }
        foundByChunk.set(c, found);
      }
      failedChunk = Integer.MAX_VALUE;
    }

    /** Clears this worker's count once its share is done: the check's own slot counts it. */
    private void finished() {
      if (invoker != main) {
        invoker.slot().entries(0, 0);
      }
    }

    void rethrow() {
      if (error != null) {
        throw error;
      }
      if (failure != null) {
        throw failure;
      }
    }
  }
}
