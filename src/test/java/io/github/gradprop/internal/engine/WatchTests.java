package io.github.gradprop.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gradprop.CheckOptions;
import io.github.gradprop.internal.check.CallSlot;
import io.github.gradprop.internal.check.GradientChecker;
import io.github.gradprop.model.Case;
import io.github.gradprop.model.GradientModel;
import io.github.gradprop.model.Models;
import io.github.gradprop.testmodels.ReferenceMlp;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The watch on its own: timeouts, abandonment, progress lines, nesting. */
class WatchTests {

  private static final Case CASE = ReferenceMlp.randomCase(5, 2, 3, 4, 2);

  /** A subject that names what the watch saw. */
  private static final class Recorder implements Watch.Subject {
    final List<String> progress = new CopyOnWriteArrayList<>();

    @Override
    public RuntimeException callTimedOut(CallSlot.Snapshot call, long limitMillis) {
      return new IllegalStateException(
          "call " + call.call() + " " + call.entry() + " " + call.model() + " " + limitMillis);
    }

    @Override
    public RuntimeException wholeTimedOut(
        long elapsedMillis, long limitMillis, CallSlot.Snapshot current) {
      return new IllegalStateException("whole " + limitMillis);
    }

    @Override
    public String progress(long elapsedMillis, List<CallSlot> slots) {
      int total = slots.stream().mapToInt(CallSlot::entriesTotal).sum();
      return "entries of " + total;
    }

    @Override
    public RuntimeException crashed(VirtualMachineError e) {
      return new IllegalStateException("crashed " + e);
    }
  }

  private static void spin(long millis) {
    long end = System.nanoTime() + millis * 1_000_000;
    while (System.nanoTime() < end) {
      Thread.onSpinWait();
    }
  }

  @Test
  void aCallPastTheLimit_throwsTheSubjectsFailure_andTheAbandonedWorkerStopsAtItsNextCall()
      throws InterruptedException {
    ReferenceMlp correct = new ReferenceMlp();
    AtomicInteger calls = new AtomicInteger();
    AtomicReference<Thread> worker = new AtomicReference<>();
    GradientModel spinsOnce =
        Models.of(
            correct.spec().renamed("spinner"),
            (p, b) -> {
              worker.set(Thread.currentThread());
              if (calls.incrementAndGet() == 3) {
                spin(600); // ignores the interrupt
              }
              return correct.loss(p, b);
            },
            correct::gradient);
    Watch watch = new Watch(100, Long.MAX_VALUE, 0, line -> {});
    assertThatThrownBy(
            () ->
                watch.run(
                    "test worker",
                    () -> GradientChecker.check(spinsOnce, CASE, CheckOptions.defaults()),
                    new Recorder()))
        .hasMessage("call loss(...) w1[0, 0] spinner 100");
    worker.get().join(60_000);
    assertThat(worker.get().isAlive()).isFalse();
    assertThat(calls).hasValue(3); // no call after the abandoned one
  }

  @Test
  void theWholePastItsLimit_throwsTheSubjectsFailure() {
    Watch watch = new Watch(10_000, 100, 0, line -> {});
    assertThatThrownBy(
            () ->
                watch.run(
                    "test worker",
                    () -> {
                      spin(400);
                      return null;
                    },
                    new Recorder()))
        .hasMessage("whole 100");
  }

  @Test
  void progressLines_goToTheSink_atTheInterval_andTheResultComesBack() {
    List<String> lines = new CopyOnWriteArrayList<>();
    Watch watch = new Watch(10_000, Long.MAX_VALUE, 20, lines::add);
    Recorder subject = new Recorder();
    String result =
        watch.run(
            "test worker",
            () -> {
              spin(300);
              return "done";
            },
            subject);
    assertThat(result).isEqualTo("done");
    assertThat(lines).isNotEmpty().allMatch("entries of 0"::equals);
  }

  @Test
  void exceptionsOfTheWork_reachTheCaller_asThrown_andErrorsOfTheJvm_throughTheSubject() {
    Watch watch = new Watch(10_000, Long.MAX_VALUE, 0, line -> {});
    IllegalArgumentException thrown = new IllegalArgumentException("x");
    assertThatThrownBy(
            () ->
                watch.run(
                    "test worker",
                    () -> {
                      throw thrown;
                    },
                    new Recorder()))
        .isSameAs(thrown);
    assertThatThrownBy(
            () ->
                watch.run(
                    "test worker",
                    () -> {
                      throw new OutOfMemoryError("Java heap space");
                    },
                    new Recorder()))
        .hasMessage("crashed java.lang.OutOfMemoryError: Java heap space");
  }

  @Test
  void theWorker_isWatched_soANestedCheckRunsInline_andTheCallerIsNot() {
    Watch watch = new Watch(10_000, Long.MAX_VALUE, 0, line -> {});
    assertThat(watch.run("test worker", Watch::isWatched, new Recorder())).isTrue();
    assertThat(Watch.isWatched()).isFalse();
  }

  @Test
  void aHelperThread_thatJoinsTheWatch_isTimedAndAbandonedWithTheWorker() {
    ReferenceMlp correct = new ReferenceMlp();
    AtomicInteger calls = new AtomicInteger();
    GradientModel hangsOnce =
        Models.of(
            correct.spec().renamed("helper's model"),
            (p, b) -> {
              if (calls.incrementAndGet() == 1) {
                try {
                  Thread.sleep(Long.MAX_VALUE);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              }
              return correct.loss(p, b);
            },
            correct::gradient);
    Watch watch = new Watch(100, Long.MAX_VALUE, 0, line -> {});
    assertThatThrownBy(
            () ->
                watch.run(
                    "test worker",
                    () -> {
                      CallSlot parent = CallSlot.current();
                      Thread helper =
                          new Thread(
                              () -> {
                                CallSlot.current().joinWatchOf(parent);
                                GradientChecker.check(hangsOnce, CASE, CheckOptions.defaults());
                              });
                      helper.setDaemon(true);
                      helper.start();
                      try {
                        helper.join();
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                      }
                      return null;
                    },
                    new Recorder()))
        .hasMessage("call loss(...) at the given point null helper's model 100");
  }
}
