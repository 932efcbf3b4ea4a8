package io.github.gradprop.internal.check;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The helper threads of the checks that run on one thread, kept between its checks: starting a
 * thread costs tens of microseconds, a check of a small case (as shrinking makes many) little more.
 * Each thread that runs checks has its own helpers (a thread-local pool), so properties run in
 * parallel share nothing. Helpers are daemon threads and end after {@link #IDLE_SECONDS} idle; a
 * helper stuck in user code (abandoned by the time limit) is replaced by a new one.
 */
final class Helpers {

  /** How long an idle helper waits for the next share before it ends. */
  static final long IDLE_SECONDS = 2;

  private static final AtomicInteger NUMBER = new AtomicInteger();

  private static final ThreadLocal<ExecutorService> POOL =
      ThreadLocal.withInitial(Helpers::newPool);

  private Helpers() {}

  /** Runs {@code task} on a helper of this thread. */
  static Future<?> start(Runnable task) {
    return POOL.get().submit(task);
  }

  /** Waits for {@code f}; an interrupt is kept for later, as the task must finish first. */
  static void await(Future<?> f) {
    boolean interrupted = false;
    while (true) {
      try {
        f.get();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      } catch (ExecutionException e) {
        // the tasks catch what user code throws; anything else is gradprop's own failure
        throw new IllegalStateException("A gradprop helper thread failed", e.getCause());
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private static ExecutorService newPool() {
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            0,
            Integer.MAX_VALUE,
            IDLE_SECONDS,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            r -> {
              Thread t = new Thread(r, "gradprop-check-" + NUMBER.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    return pool;
  }
}
