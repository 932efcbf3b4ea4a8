package io.github.gradprop.property;

import io.github.gradprop.GradientCheck;
import io.github.gradprop.GradientProperty;
import io.github.gradprop.TargetKind;
import io.github.gradprop.model.GradientModel;
import io.github.gradprop.model.ModelSpec;
import io.github.gradprop.model.Models;
import io.github.gradprop.model.Parameters;
import io.github.gradprop.testmodels.TanhMlp;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fixtures run through EngineTestKit by {@link LimitsTests}: models that hang, run out of memory or
 * stack, are too large, or are slow, each under tiny limits so that the build does not wait.
 */
class LimitsTestCases {

  /** Sleeps until interrupted, as a forward pass waiting on something that never comes. */
  static void waitForever() {
    try {
      Thread.sleep(Long.MAX_VALUE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Spins for {@code millis}, ignoring interrupts, as a tight loop would. */
  static void spin(long millis) {
    long end = System.nanoTime() + millis * 1_000_000;
    while (System.nanoTime() < end) {
      Thread.onSpinWait();
    }
  }

  /** The correct tanh MLP whose {@code n}-th loss call (1-based) runs {@code hang}. */
  static GradientModel lossHangsOnCall(String name, long n, Runnable hang) {
    TanhMlp correct = new TanhMlp(TanhMlp.Bug.NONE);
    AtomicLong calls = new AtomicLong();
    return Models.of(
        correct.spec().renamed(name),
        (p, b) -> {
          if (calls.incrementAndGet() == n) {
            hang.run();
          }
          return correct.loss(p, b);
        },
        correct::gradient);
  }

  static GradientModel slowLoss(String name, long millisPerCall) {
    TanhMlp correct = new TanhMlp(TanhMlp.Bug.NONE);
    return Models.of(
        correct.spec().renamed(name),
        (p, b) -> {
          spin(millisPerCall);
          return correct.loss(p, b);
        },
        correct::gradient);
  }

  static class HangsWithAnEntryMoved {
    // calls 1 and 2 are the contract's loss calls at the case; call 3 moves the first entry
    @GradientProperty(targets = TargetKind.REAL, callMillis = 200, seed = 7, tries = 3)
    void hangs(GradientCheck check) {
      check.that(lossHangsOnCall("hanging tanh mlp", 3, LimitsTestCases::waitForever));
    }
  }

  static class SpinsPastTheLimit {
    // ignores the interrupt: the abandoned thread spins on, then stops at its next call
    @GradientProperty(targets = TargetKind.REAL, callMillis = 200, tries = 3)
    void spins(GradientCheck check) {
      check.that(lossHangsOnCall("spinning tanh mlp", 1, () -> spin(1_500)));
    }
  }

  static class HangsInGradient {
    @GradientProperty(targets = TargetKind.REAL, callMillis = 200, tries = 3)
    void hangs(GradientCheck check) {
      TanhMlp correct = new TanhMlp(TanhMlp.Bug.NONE);
      check.that(
          Models.of(
              correct.spec().renamed("tanh mlp, hanging gradient"),
              correct::loss,
              (p, b, g) -> waitForever()));
    }
  }

  static class SlowerThanThePropertyLimit {
    @GradientProperty(targets = TargetKind.REAL, propertyMillis = 300, tries = 100)
    void slow(GradientCheck check) {
      check.that(slowLoss("slow tanh mlp", 2));
    }
  }

  static class CorrectUnderTightLimits {
    @GradientProperty(
        targets = TargetKind.REAL,
        callMillis = 200,
        propertyMillis = 60_000,
        tries = 20,
        progressMillis = 50)
    void correct(GradientCheck check) {
      check.that(new TanhMlp(TanhMlp.Bug.NONE));
    }
  }

  static class SlowWithProgress {
    @GradientProperty(targets = TargetKind.REAL, tries = 6, progressMillis = 50)
    void slow(GradientCheck check) {
      check.that(slowLoss("slow tanh mlp", 2));
    }
  }

  static class OutOfMemoryInLoss {
    @GradientProperty(targets = TargetKind.REAL, tries = 3)
    void outOfMemory(GradientCheck check) {
      TanhMlp correct = new TanhMlp(TanhMlp.Bug.NONE);
      check.that(
          Models.of(
              correct.spec().renamed("tanh mlp, out of memory"),
              (p, b) -> correct.loss(p, b) + moreThanTheHeap().length,
              correct::gradient));
    }
  }

  static class BeyondTheVmArrayLimitInGradient {
    @GradientProperty(targets = TargetKind.REAL, tries = 3)
    void beyondTheLimit(GradientCheck check) {
      TanhMlp correct = new TanhMlp(TanhMlp.Bug.NONE);
      check.that(
          Models.of(
              correct.spec().renamed("tanh mlp, array too large"),
              correct::loss,
              (p, b, g) -> {
                double[] huge = new double[Integer.MAX_VALUE]; // exceeds VM limit
                correct.gradient(p, b, g);
                g.matrix("w1")[0][0] += huge.length;
              }));
    }
  }

  /**
   * Arrays of 16 GB each, one more than the heap holds: with a heap under 16 GB (the usual case)
   * the first allocation fails at once, without filling the heap.
   */
  static double[][] moreThanTheHeap() {
    int length = Integer.MAX_VALUE - 8;
    long rows = Runtime.getRuntime().maxMemory() / (8L * length) + 1;
    double[][] all = new double[(int) rows][];
    for (int i = 0; i < all.length; i++) {
      all[i] = new double[length];
    }
    return all;
  }

  static int depth(int n) {
    return n == Integer.MIN_VALUE ? 0 : 1 + depth(n + 1);
  }

  static class StackOverflowInLoss {
    @GradientProperty(targets = TargetKind.REAL, tries = 3)
    void overflows(GradientCheck check) {
      TanhMlp correct = new TanhMlp(TanhMlp.Bug.NONE);
      check.that(
          Models.of(
              correct.spec().renamed("tanh mlp, endless recursion"),
              (p, b) -> correct.loss(p, b) + depth(0),
              correct::gradient));
    }
  }

  /** One weight matrix of hidden x in entries and a squared-norm loss. */
  static GradientModel wide() {
    ModelSpec spec =
        ModelSpec.named("wide linear")
            .inputs("batch", "in")
            .parameter("w", "hidden", "in")
            .targets("batch", "hidden");
    return Models.of(
        spec,
        (p, b) -> {
          double s = 0;
          for (double[] row : p.matrix("w")) {
            for (double v : row) {
              s += v * v;
            }
          }
          return 0.5 * s;
        },
        (Parameters p, io.github.gradprop.model.Batch b, Parameters g) -> {
          double[][] w = p.matrix("w");
          double[][] gw = g.matrix("w");
          for (int i = 0; i < w.length; i++) {
            System.arraycopy(w[i], 0, gw[i], 0, w[i].length);
          }
        });
  }

  /** Entry by entry (directional mode off), a million parameters are far over the bound. */
  static class AMillionParameters {
    @GradientProperty(
        targets = TargetKind.REAL,
        dims = {"hidden = 1..1000", "in = 1000"},
        directionalAbove = Integer.MAX_VALUE)
    void aMillion(GradientCheck check) {
      check.that(wide());
    }
  }

  /** Along directions (the default above 2,000 parameters) a million parameters fit the bound. */
  static class AMillionParametersAlongDirections {
    @GradientProperty(
        targets = TargetKind.REAL,
        dims = {"hidden = 1000", "in = 1000"},
        tries = 2)
    void aMillion(GradientCheck check) {
      check.that(wide());
    }
  }

  static class AFewParameters {
    @GradientProperty(
        targets = TargetKind.REAL,
        dims = {"hidden = 1..4", "in = 1..4"},
        tries = 10)
    void aFew(GradientCheck check) {
      check.that(wide());
    }
  }

  /** Everything at once in one class: the failures are reported and the passing one passes. */
  static class MisbehavingNextToCorrect {
    @GradientProperty(targets = TargetKind.REAL, callMillis = 200, tries = 3)
    void hangs(GradientCheck check) {
      check.that(lossHangsOnCall("hanging tanh mlp", 3, LimitsTestCases::waitForever));
    }

    @GradientProperty(targets = TargetKind.REAL, tries = 3)
    void overflows(GradientCheck check) {
      new StackOverflowInLoss().overflows(check);
    }

    @GradientProperty(targets = TargetKind.REAL, tries = 3)
    void outOfMemory(GradientCheck check) {
      new OutOfMemoryInLoss().outOfMemory(check);
    }

    @GradientProperty(targets = TargetKind.REAL, tries = 10)
    void correct(GradientCheck check) {
      check.that(new TanhMlp(TanhMlp.Bug.NONE));
    }
  }
}
