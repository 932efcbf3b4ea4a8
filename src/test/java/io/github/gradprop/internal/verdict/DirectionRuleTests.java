package io.github.gradprop.internal.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/** The directional rule on closed-form functions of {@code t}, with exact derivatives at 0. */
class DirectionRuleTests {

  private static final double EPS = 0x1p-52;
  private static final double H = 0x1p-10;

  private static DirectionRule.Verdict judge(DoubleUnaryOperator f, double analytic) {
    return DirectionRule.judge(
        f.applyAsDouble(0),
        f.applyAsDouble(-2 * H),
        f.applyAsDouble(-H),
        f.applyAsDouble(-H / 2),
        f.applyAsDouble(H / 2),
        f.applyAsDouble(H),
        f.applyAsDouble(2 * H),
        H,
        analytic,
        0,
        EPS);
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
