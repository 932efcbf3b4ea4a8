package io.github.gradprop.internal.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** One golden full text per contract message (the structure is tested where each is raised). */
class ContractMessagesTests {

  static final String DIMS = "batch=1 in=2";
  static final String NL = System.lineSeparator();

  @Test
  void threw() {
    assertThat(ContractMessages.threw("m", "gradient(...)", new IllegalStateException("x"), DIMS))
        .isEqualTo(
            "Model `m` threw from gradient(...): java.lang.IllegalStateException: x"
                + NL
                + "shape : batch=1 in=2");
  }

  @Test
  void threwWithEntryMoved() {
    assertThat(
            ContractMessages.threwWithEntryMoved(
                "m", "w1[0, 1]", 0.5, 0.5001, new ArithmeticException("y"), DIMS))
        .isEqualTo(
            "Model `m` threw from loss(...) with w1[0, 1] moved from 0.5 to 0.5001:"
                + " java.lang.ArithmeticException: y"
                + NL
                + "shape : batch=1 in=2");
  }

  @Test
  void threwWithEntriesMoved() {
    assertThat(
            ContractMessages.threwWithEntriesMoved(
                "m", 3, "b[1]", 1e-4, new ArithmeticException("z"), DIMS))
        .isEqualTo(
            "Model `m` threw from loss(...) with 3 entries (b[1], ...) moved together by 1.0E-4:"
                + " java.lang.ArithmeticException: z"
                + NL
                + "shape : batch=1 in=2");
  }

  @Test
  void modifiedMovedEntry() {
    assertThat(ContractMessages.modifiedMovedEntry("m", "w[0]", 1.0, 1.25, 0.0))
        .isEqualTo(
            "Model `m` modified its arguments: loss(...) with w[0] moved from 1.0 to 1.25 set it"
                + " to 0.0."
                + NL
                + "The loss and gradient must treat parameters and batch as read-only; copy what"
                + " you need to change.");
  }

  @Test
  void modifiedArgument() {
    assertThat(ContractMessages.modifiedArgument("m", "gradient(...)", "inputs[1, 0]", 2.0, 3.0))
        .isEqualTo(
            "Model `m` modified its arguments: after gradient(...), inputs[1, 0] was 2.0 instead"
                + " of 3.0."
                + NL
                + "The loss and gradient must treat parameters and batch as read-only; copy what"
                + " you need to change.");
  }

  @Test
  void lossNotDeterministic() {
    assertThat(ContractMessages.lossNotDeterministic("m", 1.0, 1.5))
        .isEqualTo(
            "Model `m` is not deterministic: two calls of loss(...) on the same case returned 1.0"
                + " and 1.5."
                + NL
                + ContractMessages.NONDETERMINISM_HINT);
  }

  @Test
  void gradientNotDeterministic() {
    assertThat(ContractMessages.gradientNotDeterministic("m", "w[2]", 1.0, 2.0))
        .isEqualTo(
            "Model `m` is not deterministic: two calls of gradient(...) on the same case gave"
                + " w[2] = 1.0 and then 2.0."
                + NL
                + ContractMessages.NONDETERMINISM_HINT);
  }

  @Test
  void theNondeterminismHint_namesSharedStateAndTheSingleThreadedSwitch() {
    assertThat(ContractMessages.NONDETERMINISM_HINT)
        .isEqualTo(
            "State shared between calls or threads is the common cause: a static or instance"
                + " field, a cache, a gradient buffer added to and never cleared, a shared Random."
                + " Under JUnit parallel execution, run the property single-threaded to tell:"
                + " annotate the class with @Execution(ExecutionMode.SAME_THREAD), or set"
                + " junit.jupiter.execution.parallel.enabled=false.");
  }

  @Test
  void computesInFloat() {
    assertThat(ContractMessages.computesInFloat("m", 0.25, DIMS))
        .isEqualTo(
            "Model `m` returns losses that are all exactly float values (loss 0.25 at the given"
                + " point): it computes in float, but the check assumes double precision, whose"
                + " step is far too small for float rounding."
                + NL
                + "If the model computes in float, declare it:"
                + " CheckOptions.defaults().withLossPrecision(LossPrecision.FLOAT), or"
                + " @GradientProperty(precision = LossPrecision.FLOAT)."
                + NL
                + "shape : batch=1 in=2");
  }

  @Test
  void tooNoisy_atDoublePrecision_suggestsDeclaringFloat() {
    assertThat(ContractMessages.tooNoisy("m", true, "w[0]", 1e-3, 1e-5, 1e-2, 1e-6, DIMS))
        .isEqualTo(
            "Model `m` has a loss too noisy to check at double precision: moving w[0], the"
                + " one-sided slopes drift apart as the step shrinks (they differ by 1.0e-03 at"
                + " step 1.0e-05 and by 1.0e-02 at step 1.0e-06), where a smooth loss would bring"
                + " them together and a kink would keep them apart."
                + NL
                + "No verdict is possible, so the check does not pass."
                + NL
                + ContractMessages.DECLARE_FLOAT
                + NL
                + "shape : batch=1 in=2");
  }

  @Test
  void tooNoisy_atFloatPrecision_pointsAtRandomnessOrCoarseRounding() {
    assertThat(ContractMessages.tooNoisy("m", false, "w[0]", 1e-3, 1e-5, 1e-2, 1e-6, DIMS))
        .contains("too noisy to check at float precision")
        .contains("Check the loss for randomness or for values rounded coarser than float.")
        .doesNotContain("declare it");
  }

  @Test
  void caseDoesNotFit() {
    assertThat(ContractMessages.caseDoesNotFit("m", "no value for `hidden`", DIMS))
        .isEqualTo(
            "The case does not fit model `m`: no value for `hidden`" + NL + "shape : " + DIMS);
  }

  @Test
  void tensorDoesNotFit() {
    assertThat(ContractMessages.tensorDoesNotFit("m", "w", "[2, 3]", "w[out, in]", "[2, 2]", DIMS))
        .isEqualTo(
            "The case does not fit model `m`: tensor `w` is [2, 3] in the case, but w[out, in] ="
                + " [2, 2] for batch=1 in=2");
  }

  @Test
  void inGeneratedCase() {
    assertThat(
            ContractMessages.inGeneratedCase(
                "Model `m` returns losses (loss 1.0 at the given point)",
                "generated, try 3",
                42L,
                "@GradientProperty(seed = 42L)"))
        .isEqualTo(
            "Model `m` returns losses (loss 1.0 at the generated case)"
                + NL
                + "case  : generated, try 3"
                + NL
                + "seed  : 42"
                + NL
                + "replay: @GradientProperty(seed = 42L)");
  }

  @Test
  void nullSpec() {
    assertThat(ContractMessages.nullSpec("MyModel@1"))
        .isEqualTo("Model MyModel@1 returned a null spec()");
  }

  @Test
  void callTimedOut_withOneEntryMoved() {
    assertThat(
            ContractMessages.callTimedOut(
                "m",
                "loss(...)",
                "w1[0, 1]",
                0.5,
                0.5001,
                1,
                DIMS,
                250,
                "`callMillis` = 200 ms",
                "raise `callMillis`"))
        .isEqualTo(
            "Model `m` did not return from loss(...) with w1[0, 1] moved from 0.5 to 0.5001 within"
                + " its time limit (`callMillis` = 200 ms): it had run for at least 0.25 s when"
                + " gradprop stopped waiting."
                + NL
                + "gradprop interrupted the thread running the model and abandoned it; the other"
                + " tests go on. An endless loop or a wait that never ends is the common cause; if"
                + " the call is only slow, narrow the dims or raise `callMillis`."
                + NL
                + "shape : batch=1 in=2");
  }

  @Test
  void callTimedOut_withEntriesMovedTogether_andWithNone() {
    assertThat(
            ContractMessages.callTimedOut(
                "m", "loss(...)", "b[1]", 0, 1e-4, 3, DIMS, 12_400, "`callMillis` = 10000 ms", "r"))
        .startsWith(
            "Model `m` did not return from loss(...) with 3 entries (b[1], ...) moved together by"
                + " 1.0E-4 within its time limit (`callMillis` = 10000 ms): it had run for at least 12 s");
    assertThat(
            ContractMessages.callTimedOut(
                "m",
                "gradient(...) at the given point",
                null,
                0,
                0,
                0,
                DIMS,
                150_000,
                "`callMillis` = 100000 ms",
                "r"))
        .startsWith(
            "Model `m` did not return from gradient(...) at the given point within its time limit"
                + " (`callMillis` = 100000 ms): it had run for at least 2 min 30 s");
  }

  @Test
  void checkTooLarge() {
    assertThat(
            ContractMessages.checkTooLarge(
                "m", "hidden=1000 in=1000", 1_000_000, 0, 2_000_002, 100_000))
        .isEqualTo(
            "Model `m` is too large to check at hidden=1000 in=1000: 1,000,000 parameter entries,"
                + " so one check needs about 2,000,002 loss calls, over the bound maxLossCalls ="
                + " 100,000 (CheckOptions)."
                + NL
                + "Check a smaller case (gradient bugs show at a few units per dimension), or raise"
                + " the bound: CheckOptions.defaults().withMaxLossCalls(...).");
  }

  @Test
  void tooLarge_withInputEntries() {
    assertThat(ContractMessages.tooLarge("m", DIMS, 10, 2, 26, "`maxLossCalls` = 20"))
        .isEqualTo(
            "Model `m` is too large to check at batch=1 in=2: 10 parameter entries and 2 input"
                + " entries, so one check needs about 26 loss calls, over the bound `maxLossCalls`"
                + " = 20.");
  }

  @Test
  void crashed() {
    assertThat(ContractMessages.crashed("m", new OutOfMemoryError("Java heap space")))
        .isEqualTo(
            "gradprop hit java.lang.OutOfMemoryError: Java heap space while checking model `m`,"
                + " outside the model's own calls: the case is too large for this JVM. Narrow the"
                + " dims, or give the test JVM more memory (Surefire's argLine, e.g. -Xmx2g).");
  }

  @Test
  void threw_aVirtualMachineError_likeAnyOther() {
    assertThat(ContractMessages.threw("m", "loss(...)", new StackOverflowError(), DIMS))
        .isEqualTo(
            "Model `m` threw from loss(...): java.lang.StackOverflowError"
                + NL
                + "shape : batch=1 in=2");
  }

  @Test
  void notThreadSafe() {
    assertThat(
            ContractMessages.notThreadSafe(
                "m", 2, "w1[0, 1]", "the estimate 0.25", "the estimate 0.5", DIMS))
        .isEqualTo(
            "Model `m` is not thread-safe: checked on 2 threads, w1[0, 1] gave the estimate 0.25;"
                + " checked again alone on one thread, it gave the estimate 0.5."
                + NL
                + "A model that keeps scratch buffers in static or shared fields (or a shared"
                + " Random, or a cache) gives wrong losses when gradprop's worker threads call it"
                + " at once. Keep scratch local to each call, or check on one thread:"
                + " CheckOptions.defaults().withThreads(1), @GradientProperty(threads = 1), or the"
                + " configuration parameter gradprop.threads=1."
                + NL
                + "shape : batch=1 in=2");
  }

  @Test
  void threwAlongDirection() {
    assertThat(ContractMessages.threwAlongDirection("m", 0.5, new ArithmeticException("z"), DIMS))
        .isEqualTo(
            "Model `m` threw from loss(...) with every entry moved by +-0.5 along a random"
                + " direction (directional check): java.lang.ArithmeticException: z"
                + NL
                + "shape : batch=1 in=2");
  }
}
