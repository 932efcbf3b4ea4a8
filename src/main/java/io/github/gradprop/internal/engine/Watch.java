package io.github.gradprop.internal.engine;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.github.gradprop.internal.check.CallSlot;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * Runs a check or a property on a worker (daemon) thread while the calling thread watches it: the
 * per-call limit, the limit of the whole, and progress lines.
 *
 * <p>The worker records every call of user code in its {@link CallSlot} (a few stores, nothing
 * allocated; the start is the watcher's last tick, so no clock is read per call); user code is
 * never handed to yet another thread, so a check costs what it cost before. The caller wakes every
 * few milliseconds (a tenth of the smallest limit or interval, between 1 and 100 ms), ticks each
 * slot's clock, reads the slots and:
 *
 * <ul>
 *   <li>when a call has run past {@code callMillis}, or the whole past {@code wholeMillis},
 *       abandons every worker (each slot is marked, so the worker stops at its next call, and its
 *       thread is interrupted) and throws the subject's failure on the calling thread;
 *   <li>every {@code progressMillis}, from {@code progressMillis} on, hands the subject's progress
 *       line to the sink.
 * </ul>
 *
 * <p>Several workers can be watched at once: a thread that runs user code for the watched work
 * calls {@link #enlist()} first, or, from inside the check, {@code
 * CallSlot.current().joinWatchOf(slotOfTheWorker)}. A nested check on a watched thread runs inline
 * ({@link #isWatched()}), under the outer watch.
 */
@API(status = INTERNAL, since = "0.1")
public final class Watch {

  /** What the watched work is, for its messages. */
  public interface Subject {
    /** The failure when {@code call} ran past the per-call limit. */
    RuntimeException callTimedOut(CallSlot.Snapshot call, long limitMillis);

    /** The failure when the whole ran past its limit; {@code current} may be {@code null}. */
    RuntimeException wholeTimedOut(long elapsedMillis, long limitMillis, CallSlot.Snapshot current);

    /** A progress line, or {@code null} for none now. */
    String progress(long elapsedMillis, List<CallSlot> slots);

    /** The failure for a {@link VirtualMachineError} outside the calls of user code. */
    RuntimeException crashed(VirtualMachineError e);
  }

  private static final long MILLI = 1_000_000L;

  private final long callNanos;
  private final long wholeNanos;
  private final long progressNanos;
  private final Consumer<String> sink;
  private final List<CallSlot> slots = new CopyOnWriteArrayList<>();

  /**
   * @param callMillis the per-call limit, >= 1
   * @param wholeMillis the limit of the whole work, >= 1 ({@code Long.MAX_VALUE}: none)
   * @param progressMillis the interval of progress lines; 0 for none
   * @param sink where progress lines go
   */
  public Watch(long callMillis, long wholeMillis, long progressMillis, Consumer<String> sink) {
    this.callNanos = nanos(callMillis);
    this.wholeNanos = nanos(wholeMillis);
    this.progressNanos = progressMillis == 0 ? Long.MAX_VALUE : nanos(progressMillis);
    this.sink = sink;
  }

  private static long nanos(long millis) {
    return millis >= Long.MAX_VALUE / MILLI ? Long.MAX_VALUE : millis * MILLI;
  }

  /** Whether the current thread is already watched: a check on it runs inline. */
  public static boolean isWatched() {
    return CallSlot.current().watched();
  }

  /** Adds the current thread to the watched workers. */
  public void enlist() {
    CallSlot slot = CallSlot.current();
    slot.entries(0, 0);
    slot.watchedBy(slots::add);
  }

  /**
   * Runs {@code work} on a daemon worker named {@code name} and watches it; returns its result. The
   * worker is kept for the next run of the calling thread (a thread start costs about as much as
   * the rest of the watch), unless it was abandoned.
   */
  public <T> T run(String name, Supplier<T> work, Subject subject) {
    Outcome<T> outcome = new Outcome<>();
    Runnable task =
        () -> {
          enlist();
          try {
            outcome.value = work.get();
          } catch (Throwable t) { // handed to the calling thread, which decides
            outcome.error = t;
          } finally {
            outcome.done.countDown();
          }
        };
    Worker.handOff(name, task);
    try {
      watch(outcome, subject);
    } catch (RuntimeException | Error e) {
      Worker.forget(); // abandoned: never reused
      throw e;
    }
    return outcome.result(subject);
  }

  private void watch(Outcome<?> outcome, Subject subject) {
    long start = System.nanoTime();
    long nextProgress = progressNanos == Long.MAX_VALUE ? Long.MAX_VALUE : start + progressNanos;
    long poll = pollNanos();
    while (!await(outcome, poll)) {
      long now = System.nanoTime();
      for (CallSlot slot : slots) {
        CallSlot.Snapshot s = slot.snapshot(now);
        // a call's start is the last tick before it: early by at most one poll
        if (s != null && s.elapsedNanos() > callNanos + poll) {
          abandon();
          throw subject.callTimedOut(s.lessBy(poll), callNanos / MILLI);
        }
        slot.tick(now);
      }
      if (now - start > wholeNanos) {
        // the whole is timed from the caller's own clock: exact
        abandon();
        throw subject.wholeTimedOut((now - start) / MILLI, wholeNanos / MILLI, current(now));
      }
      if (now - nextProgress >= 0) {
        String line = subject.progress((now - start) / MILLI, slots);
        if (line != null) {
          sink.accept(line);
        }
        nextProgress = now + progressNanos;
      }
    }
  }

  private boolean await(Outcome<?> outcome, long poll) {
    try {
      return outcome.done.await(poll, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      // the calling thread was interrupted (a JUnit timeout, say): give up on the work too
      abandon();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while watching " + slots, e);
    }
  }

  private CallSlot.Snapshot current(long now) {
    for (CallSlot slot : slots) {
      CallSlot.Snapshot s = slot.snapshot(now);
      if (s != null) {
        return s;
      }
    }
    return null;
  }

  private long pollNanos() {
    long smallest = Math.min(callNanos, Math.min(wholeNanos, progressNanos));
    return Math.max(MILLI, Math.min(100 * MILLI, smallest / 10));
  }

  private void abandon() {
    for (CallSlot slot : slots) {
      slot.abandon();
      slot.owner().interrupt();
    }
  }

  /**
   * The daemon thread that runs watched work for one calling thread, kept between runs and retired
   * after a minute without work. An abandoned worker is never handed work again.
   */
  private static final class Worker extends Thread {
    private static final ThreadLocal<Worker> OF_CALLER = new ThreadLocal<>();
    private static final long IDLE_MILLIS = 60_000;

    private Runnable task;
    private boolean retired;

    private Worker() {
      setDaemon(true);
    }

    static void handOff(String name, Runnable task) {
      Worker w = OF_CALLER.get();
      Thread caller = Thread.currentThread();
      if (w != null) {
        w.setName(name);
        w.setContextClassLoader(caller.getContextClassLoader());
        if (w.offer(task)) {
          return;
        }
      }
      w = new Worker();
      w.setName(name);
      w.setContextClassLoader(caller.getContextClassLoader());
      w.offer(task);
      w.start();
      OF_CALLER.set(w);
    }

    static void forget() {
      OF_CALLER.remove();
    }

    private synchronized boolean offer(Runnable r) {
      if (retired) {
        return false;
      }
      task = r;
      notifyAll();
      return true;
    }

    private synchronized Runnable next() throws InterruptedException {
      long deadline = System.currentTimeMillis() + IDLE_MILLIS;
      while (task == null) {
        long left = deadline - System.currentTimeMillis();
        if (left <= 0) {
          retired = true;
          return null;
        }
        wait(left);
      }
      Runnable r = task;
      task = null;
      return r;
    }

    @Override
    public void run() {
      try {
        for (Runnable r = next(); r != null; r = next()) {
          r.run();
          if (CallSlot.current().abandoned()) {
            return;
          }
          Thread.interrupted(); // an interrupt meant for the last run must not reach the next one
        }
      } catch (InterruptedException e) {
        synchronized (this) {
          retired = true;
        }
      }
    }
  }

  private static final class Outcome<T> {
    final CountDownLatch done = new CountDownLatch(1);
    volatile T value;
    volatile Throwable error;

    T result(Subject subject) {
      Throwable e = error;
      if (e == null) {
        return value;
      }
      if (e instanceof VirtualMachineError vm) {
        throw subject.crashed(vm);
      }
      if (e instanceof RuntimeException r) {
        throw r;
      }
      if (e instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e);
    }
  }
}
