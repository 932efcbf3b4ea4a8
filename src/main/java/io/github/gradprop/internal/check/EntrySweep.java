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

/**
 * The first pass over every entry of one check, split into contiguous shares, one per worker
 * thread. Each share perturbs its own copy of the case through its own {@link Invoker}; the share
 * of the calling thread uses the check's own case. Entries are pure functions of the case (see
 * {@link EntryClassifier}), so the estimates do not depend on the split: the caller replays the
 * shares in entry order and gets, byte for byte, what one thread gets.
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

  /** Sweeps every entry on up to {@code maxThreads} threads; rethrows the first failure. */
  void run(int maxThreads, boolean inputsAreTargets) {
    int total = offsets[offsets.length - 1];
    int threads = threadsFor(total, maxThreads);
    for (int s = 0; s < threads; s++) {
      int from = (int) ((long) total * s / threads);
      int to = (int) ((long) total * (s + 1) / threads);
      if (s == 0) {
        shares.add(new Share(from, to, main, targets));
      } else {
        Case copy = main.work().copy();
        List<Tensor> tensors = new ArrayList<>(copy.parameters().tensors());
        if (inputsAreTargets) {
          tensors.add(copy.batch().inputTensor());
        }
        shares.add(new Share(from, to, main.on(copy), tensors));
      }
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
    for (Share s : shares) {
      s.rethrow();
    }
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
    for (Share s : shares) {
      all.addAll(s.found);
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
    for (Share s : shares) {
      for (Found f : s.found) {
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
      if (s.failure != null) {
        Classification again = classifyAlone(alone, stencil, s.failedTensor, s.failedIndex);
        throw notThreadSafe(
            threads,
            s.failedTensor,
            s.failedIndex,
            "an error (" + firstLine(s.failure.getMessage()) + ")",
            "no error and " + estimate(again));
      }
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

  private static String firstLine(String message) {
    if (message == null) {
      return "no message";
    }
    int nl = message.indexOf('\n');
    String line = nl < 0 ? message : message.substring(0, nl);
    return line.strip();
  }

  /** One thread's contiguous share of the entries: its own invoker, case copy and findings. */
  private final class Share implements Runnable {
    private final int from;
    private final int to;
    private final Invoker invoker;
    private final List<Tensor> tensors;
    private final List<Found> found = new ArrayList<>();
    private double maxRounding;
    private RuntimeException failure;
    private Error error;
    private int failedTensor;
    private int failedIndex;

    Share(int from, int to, Invoker invoker, List<Tensor> tensors) {
      this.from = from;
      this.to = to;
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
      } catch (Error e) {
        error = e;
      } finally {
        finished();
      }
    }

    private void sweep() {
      Stencil stencil = new Stencil();
      Invoker.Probe probe = invoker.probe();
      CallSlot slot = invoker.slot();
      int done = 0;
      for (int k = 0; k < tensors.size(); k++) {
        int lo = Math.max(from, offsets[k]) - offsets[k];
        int hi = Math.min(to, offsets[k + 1]) - offsets[k];
        if (lo >= hi) {
          continue;
        }
        Tensor t = tensors.get(k);
        double[] a = analytic[k];
        double[] n = numeric[k];
        probe.focus(t);
        failedTensor = k;
        for (int i = lo; i < hi; i++, slot.entryDone(++done)) {
          failedIndex = i;
          double theta = t.get(i);
          probe.entry(i, theta);
          double scale = Math.max(1, Math.abs(theta));
          if (classifier.firstLook(stencil, probe, loss, theta, scale, a[i])) {
            // the common case, smooth and agreeing, allocates nothing
            t.set(i, theta);
            n[i] = stencil.estimate;
            maxRounding = Math.max(maxRounding, classifier.rounding(stencil, loss));
            continue;
          }
          Classification c = classifier.resume(stencil, probe, loss, theta, scale, a[i]);
          t.set(i, theta);
          n[i] = c.numeric();
          found.add(new Found(k, i, c));
        }
      }
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
