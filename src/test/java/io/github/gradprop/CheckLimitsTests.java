package io.github.gradprop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gradprop.model.Case;
import io.github.gradprop.model.GradientModel;
import io.github.gradprop.model.Models;
import io.github.gradprop.testmodels.ReferenceMlp;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The limits of {@code Gradients.check} on one given case: {@code CheckOptions} time and cost. */
class CheckLimitsTests {

  private static final Case CASE = ReferenceMlp.randomCase(3, 2, 3, 4, 2);

  /** The reference MLP whose {@code n}-th loss call sleeps until interrupted. */
  private static GradientModel hangsOnLossCall(long n) {
    ReferenceMlp correct = new ReferenceMlp();
    AtomicLong calls = new AtomicLong();
    return Models.of(
        correct.spec().renamed("hanging mlp"),
        (p, b) -> {
          if (calls.incrementAndGet() == n) {
            try {
              Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          return correct.loss(p, b);
        },
        correct::gradient);
  }

  @Test
  void aLossThatNeverReturns_failsTheCheckAtItsCallLimit_namingTheCallAndTheMovedEntry() {
    assertThatThrownBy(
            () ->
                Gradients.check(
                    hangsOnLossCall(3), CASE, CheckOptions.defaults().withCallMillis(200)))
        .isInstanceOf(ModelConfigurationException.class)
        .hasMessageStartingWith(
            "Model `hanging mlp` did not return from loss(...) with w1[0, 0] moved from ")
        .hasMessageContaining("within its time limit (`callMillis` = 200 ms)")
        .hasMessageContaining("raise it with CheckOptions.defaults().withCallMillis(...)")
        .hasMessageContaining("shape : batch=2 in=3 hidden=4 out=2");
  }

  @Test
  void theLossAtTheGivenPoint_thatNeverReturns_isNamedAsSuch() {
    assertThatThrownBy(
            () ->
                Gradients.check(
                    hangsOnLossCall(1), CASE, CheckOptions.defaults().withCallMillis(200)))
        .isInstanceOf(ModelConfigurationException.class)
        .hasMessageStartingWith(
            "Model `hanging mlp` did not return from loss(...) at the given point within its time"
                + " limit");
  }

  @Test
  void theCorrectModel_passesUnderATightCallLimit() {
    assertThat(
            Gradients.check(new ReferenceMlp(), CASE, CheckOptions.defaults().withCallMillis(200))
                .passed())
        .isTrue();
  }

  @Test
  void aCaseOverTheCostBound_failsBeforeAnyCall_statingItsCost() {
    AtomicLong calls = new AtomicLong();
    ReferenceMlp correct = new ReferenceMlp();
    GradientModel counted =
        Models.of(
            correct.spec(),
            (p, b) -> {
              calls.incrementAndGet();
              return correct.loss(p, b);
            },
            correct::gradient);
    assertThatThrownBy(
            () -> Gradients.check(counted, CASE, CheckOptions.defaults().withMaxLossCalls(50)))
        .isInstanceOf(PropertyConfigurationException.class)
        .hasMessageStartingWith(
            "Model `reference MLP: relu, softmax cross-entropy` is too large to check at batch=2"
                + " in=3 hidden=4 out=2: 26 parameter entries, so one check needs about 54 loss"
                + " calls, over the bound maxLossCalls = 50 (CheckOptions).")
        .hasMessageContaining("withMaxLossCalls(...)");
    assertThat(calls).hasValue(0);
  }

  @Test
  void theSameCase_atItsCost_passes() {
    assertThat(
            Gradients.check(new ReferenceMlp(), CASE, CheckOptions.defaults().withMaxLossCalls(54))
                .passed())
        .isTrue();
  }

  @Test
  void aVirtualMachineErrorInTheGradient_isAModelError_namingTheCall() {
    ReferenceMlp correct = new ReferenceMlp();
    GradientModel overflowing =
        Models.of(correct.spec().renamed("recursive mlp"), correct::loss, (p, b, g) -> recurse(0));
    assertThatThrownBy(() -> Gradients.check(overflowing, CASE))
        .isInstanceOf(ModelConfigurationException.class)
        .hasMessage(
            "Model `recursive mlp` threw from gradient(...) at the given point:"
                + " java.lang.StackOverflowError%nshape : batch=2 in=3 hidden=4 out=2",
            new Object[0])
        .hasCauseInstanceOf(StackOverflowError.class);
  }

  private static int recurse(int n) {
    return n == Integer.MIN_VALUE ? 0 : 1 + recurse(n + 1);
  }

  @Test
  void theLimits_rejectValuesBelowOne_namingTheOption() {
    assertThatThrownBy(() -> CheckOptions.defaults().withCallMillis(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("callMillis must be >= 1, but was 0");
    assertThatThrownBy(() -> CheckOptions.defaults().withMaxLossCalls(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxLossCalls must be >= 1, but was -1");
    assertThat(CheckOptions.defaults().callMillis()).isEqualTo(CheckOptions.DEFAULT_CALL_MILLIS);
    assertThat(CheckOptions.defaults().maxLossCalls())
        .isEqualTo(CheckOptions.DEFAULT_MAX_LOSS_CALLS);
  }
}
