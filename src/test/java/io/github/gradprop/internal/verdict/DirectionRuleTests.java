package io.github.gradprop.internal.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/** The directional rule on closed-form functions of {@code t}, with exact derivatives at 0. */
class DirectionRuleTests {

  private static final double EPS = 0x1p-52;
  private static final double H = 0x1p-10;

  private static DirectionRule.Verdict judge(DoubleUnaryOperator f, double analytic) {
    return judgeAt(f, analytic, H);
  }

  /** {@link #judge} at step {@code h}. */
  private static DirectionRule.Verdict judgeAt(DoubleUnaryOperator f, double analytic, double h) {
    return DirectionRule.judge(
        f.applyAsDouble(0),
        f.applyAsDouble(-2 * h),
        f.applyAsDouble(-h),
        f.applyAsDouble(-h / 2),
        f.applyAsDouble(h / 2),
        f.applyAsDouble(h),
        f.applyAsDouble(2 * h),
        h,
        analytic,
        0,
        EPS);
  }

  @Test
  void aWrongProjection_staysAMismatch_atAFourTimesWiderStep() {
    // the derivative is 3.7 at every step; 3.8 is wrong at both
    DirectionRule.Verdict atH = judgeAt(SMOOTH, 3.8, H);
    DirectionRule.Verdict wider = judgeAt(SMOOTH, 3.8, 4 * H);
    assertThat(atH.kind()).isEqualTo(DirectionRule.Kind.MISMATCH);
    assertThat(DirectionRule.confirm(atH, wider).kind()).isEqualTo(DirectionRule.Kind.MISMATCH);
  }

  @Test
  void aDisagreementFromNoise_thatShrinksAtTheWiderStep_isNotCompared() {
    // rounding noise moves the estimate by 1e-3 at step h, by a quarter of that at 4h: the
    // estimates disagree with each other by more than the wider one disagrees with the analytic
    DirectionRule.Verdict atH =
        new DirectionRule.Verdict(DirectionRule.Kind.MISMATCH, 3.7, 3.701, 1e-4);
    DirectionRule.Verdict wider =
        new DirectionRule.Verdict(DirectionRule.Kind.MISMATCH, 3.7, 3.70025, 2.5e-5);
    assertThat(DirectionRule.confirm(atH, wider).kind()).isEqualTo(DirectionRule.Kind.KINK);
    // and a disagreement that is gone at the wider step is not one either
    DirectionRule.Verdict agrees =
        new DirectionRule.Verdict(DirectionRule.Kind.AGREES, 3.7, 3.70001, 2.5e-5);
    assertThat(DirectionRule.confirm(atH, agrees).kind()).isEqualTo(DirectionRule.Kind.KINK);
  }

  @Test
  void confirm_leavesAVerdictThatIsNoMismatchAlone() {
    DirectionRule.Verdict agrees = judgeAt(SMOOTH, SMOOTH_SLOPE, H);
    assertThat(DirectionRule.confirm(agrees, judgeAt(SMOOTH, SMOOTH_SLOPE, 4 * H)))
        .isSameAs(agrees);
  }

  private static final DoubleUnaryOperator SMOOTH = t -> Math.exp(0.7 * t) + Math.sin(3 * t);

  /** d/dt at 0: 0.7 + 3. */
  private static final double SMOOTH_SLOPE = 3.7;

  @Test
  void aSmoothFunction_agreesWithItsExactDerivative() {
    DirectionRule.Verdict v = judge(SMOOTH, SMOOTH_SLOPE);
    assertThat(v.kind()).isEqualTo(DirectionRule.Kind.AGREES);
    assertThat(Math.abs(v.estimate() - SMOOTH_SLOPE)).isLessThan(1e-11);
  }

  @Test
  void aSmoothFunction_disagreesWithADerivativeOffByOnePartIn1e9() {
    assertThat(judge(SMOOTH, SMOOTH_SLOPE * (1 + 1e-9)).kind())
        .isEqualTo(DirectionRule.Kind.MISMATCH);
  }

  @Test
  void theToleranceIsTheEstimatesOwnError_notAShareOfTheEstimate() {
    DirectionRule.Verdict v = judge(SMOOTH, SMOOTH_SLOPE);
    assertThat(v.tolerance()).isLessThan(1e-10).isGreaterThan(0);
  }

  @Test
  void aKinkAtTheBasePoint_isAKink_notAMismatch() {
    // slopes 1 and 3 either side: the mean 2 is what symmetric stencils see; the analytic side 1
    DirectionRule.Verdict v = judge(t -> t + 2 * Math.max(0, t), 1);
    assertThat(v.kind()).isEqualTo(DirectionRule.Kind.KINK);
  }

  @Test
  void aKinkInsideTheStencil_awayFromTheBasePoint_isAKink_notAMismatch() {
    for (double at : new double[] {0.3 * H, H / 3, 0.7 * H, 1.5 * H, -1.2 * H}) {
      DoubleUnaryOperator f = t -> 0.5 * t + Math.abs(t - at);
      double slope = at > 0 ? -0.5 : 1.5;
      assertThat(judge(f, slope).kind()).as("kink at %s", at).isEqualTo(DirectionRule.Kind.KINK);
    }
  }

  @Test
  void aKinkOutsideTheStencil_leavesASmoothVerdict() {
    DoubleUnaryOperator f = t -> 0.5 * t + Math.abs(t - 3 * H);
    assertThat(judge(f, -0.5).kind()).isEqualTo(DirectionRule.Kind.AGREES);
    assertThat(judge(f, -0.5 + 1e-8).kind()).isEqualTo(DirectionRule.Kind.MISMATCH);
  }

  @Test
  void aLossThatIsNotFinite_isNotCompared() {
    DirectionRule.Verdict v = judge(t -> t > H ? Double.NaN : t, 1);
    assertThat(v.kind()).isEqualTo(DirectionRule.Kind.NOT_FINITE);
    assertThat(v.compared()).isFalse();
  }

  @Test
  void slopeJump_isExactForAKinkPlusAQuarticCurvature() {
    // S(s) = J s + b s^2 + c s^4 is fitted exactly: f = J max(0, t) + b t^2 / 2 + c t^4 / 2
    double jump = 0.25;
    DoubleUnaryOperator f = t -> jump * Math.max(0, t) + 1.5 * t * t + 4 * t * t * t * t;
    double got =
        DirectionRule.slopeJump(
            f.applyAsDouble(0),
            f.applyAsDouble(-2 * H),
            f.applyAsDouble(-H),
            f.applyAsDouble(-H / 2),
            f.applyAsDouble(H / 2),
            f.applyAsDouble(H),
            f.applyAsDouble(2 * H),
            H);
    assertThat(got).isCloseTo(jump, org.assertj.core.data.Offset.offset(1e-9));
  }
}
