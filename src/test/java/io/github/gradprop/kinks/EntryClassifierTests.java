package io.github.gradprop.kinks;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gradprop.CheckOptions;
import io.github.gradprop.internal.numerics.Objective;
import io.github.gradprop.internal.numerics.Stencil;
import io.github.gradprop.internal.verdict.Classification;
import io.github.gradprop.internal.verdict.Classification.Kind;
import io.github.gradprop.internal.verdict.EntryClassifier;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;
import org.junit.jupiter.api.Test;

/** The per-entry classification on closed-form functions of one variable. */
class EntryClassifierTests {

  /** A function of one variable that counts its calls. */
  private static final class Counting implements Objective {
    private final DoubleUnaryOperator f;
    int calls;

    Counting(DoubleUnaryOperator f) {
      this.f = f;
    }

    @Override
    public double at(double value) {
      calls++;
      return f.applyAsDouble(value);
    }
  }

  private final EntryClassifier classifier = new EntryClassifier(CheckOptions.defaults());
  private Classification result;

  private Counting classify(DoubleUnaryOperator f, double theta, double analytic) {
    Counting counting = new Counting(f);
    result =
        classifier.classify(
            new Stencil(),
            counting,
            f.applyAsDouble(theta),
            theta,
            Math.max(1, Math.abs(theta)),
            analytic);
    return counting;
  }

  @Test
  void smoothEntryThatAgrees_costsOnlyTheTwoCallsOfTheCentralDifference() {
    DerivativeStructure x = new DerivativeStructure(1, 1, 0, 1.3);
    double exact = x.sin().multiply(x.exp()).getPartialDerivative(1);

    Counting f = classify(t -> Math.sin(t) * Math.exp(t), 1.3, exact);

    assertThat(result.kind()).isEqualTo(Kind.SMOOTH);
    assertThat(result.agrees()).isTrue();
    assertThat(f.calls).isEqualTo(2);
  }

  @Test
  void smoothEntryWithHugeCurvature_looksCloser_butSeesTheGapShrinkWithTheStep() {
    // f' = 20, f'' = 2e5: the gap h f'' = 1.2 is large against the slope, but linear in h
    Counting f = classify(t -> 1e5 * t * t, 1e-4, 20);

    assertThat(result.kind()).isEqualTo(Kind.SMOOTH);
    assertThat(result.agrees()).isTrue();
    assertThat(f.calls).isEqualTo(4);
  }

  @Test
  void reluAtZero_isAKink_withBothOneSidedDerivatives_andItsConventionIsNotSuspicious() {
    classify(t -> 2 * Math.max(0, t), 0, 0);

    assertThat(result.kind()).isEqualTo(Kind.KINK);
    assertThat(result.slopeMinus()).isEqualTo(0.0);
    assertThat(result.slopePlus()).isCloseTo(2.0, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(result.agrees()).as("0 is not the central difference 1").isFalse();
    assertThat(result.suspicious()).isFalse();
  }

  @Test
  void reluAtZero_withAValueOutsideBothOneSidedDerivatives_isSuspicious() {
    classify(t -> 2 * Math.max(0, t), 0, 3);

    assertThat(result.kind()).isEqualTo(Kind.KINK);
    assertThat(result.suspicious()).isTrue();
  }

  @Test
  void absAtZero_withSignOfZeroBeingZero_isAKinkThatAgreesWithTheCentralDifference() {
    classify(Math::abs, 0, 0);

    assertThat(result.kind()).isEqualTo(Kind.KINK);
    assertThat(result.agrees()).isTrue();
  }

  @Test
  void kinkBetweenTheFineAndTheCoarseStep_isResolvedAsSmooth_andStillCatchesAWrongValue() {
    DoubleUnaryOperator f = t -> Math.max(0, t - 2e-6);

    classify(f, 0, 0);
    assertThat(result.kind()).isEqualTo(Kind.SMOOTH);
    assertThat(result.agrees()).isTrue();

    classify(f, 0, 1);
    assertThat(result.kind()).isEqualTo(Kind.SMOOTH);
    assertThat(result.agrees()).isFalse();
    assertThat(result.numeric()).isEqualTo(0.0);
  }

  @Test
  void jumpInTheCurvature_agreesAfterSmallerSteps_andAWrongValueStillMismatches() {
    // x |x| / 2: derivative |x| is 0 at 0, curvature jumps from -1 to 1
    DoubleUnaryOperator f = t -> 0.5 * t * Math.abs(t);

    Counting calls = classify(f, 0, 0);
    assertThat(result.kind()).isEqualTo(Kind.SMOOTH);
    assertThat(result.agrees()).isTrue();
    assertThat(result.steps()).isGreaterThan(1);
    assertThat(calls.calls).isEqualTo(2 * result.steps());

    classify(f, 0, 1e-3);
    assertThat(result.kind()).isEqualTo(Kind.SMOOTH);
    assertThat(result.agrees()).isFalse();
  }

  @Test
  void huberAtItsSeam_agrees() {
    DoubleUnaryOperator huber = r -> Math.abs(r) <= 1 ? 0.5 * r * r : Math.abs(r) - 0.5;

    classify(huber, 1, 1);

    assertThat(result.kind()).isEqualTo(Kind.SMOOTH);
    assertThat(result.agrees()).isTrue();
  }

  @Test
  void derivativeThatConvergesLikeTheSquareRootOfTheStep_staysUnresolved() {
    // x sqrt|x|: derivative 1.5 sqrt|x| is 0 at 0, but the central difference is sqrt(h)
    classify(t -> t * Math.sqrt(Math.abs(t)), 0, 0);

    assertThat(result.kind()).isEqualTo(Kind.UNRESOLVED);
    assertThat(result.suspicious()).isFalse();
  }

  @Test
  void logClippedAtEps_isAKinkWithSteepOneSidedSlopes() {
    classify(t -> -Math.log(Math.max(t, 1e-12)), 1e-12, 0);

    assertThat(result.kind()).isEqualTo(Kind.KINK);
    assertThat(result.steep()).isNotNull();
    assertThat(result.steep().minus()).isEqualTo(0.0);
    assertThat(result.steep().plus()).isLessThan(-1e5);
  }

  @Test
  void logNearZero_isNotFiniteOneStepToTheLeft_andIsCheckedWithSmallerSteps() {
    classify(Math::log, 1e-7, 1e7);

    assertThat(result.nonFiniteNearby()).isNotNull();
    assertThat(result.nonFiniteNearby().offset()).isNegative();
    assertThat(result.nonFiniteNearby().value()).isNaN();
    assertThat(result.kind()).isEqualTo(Kind.SMOOTH);
    assertThat(result.agrees()).isTrue();
  }

  @Test
  void notFiniteAnalyticValue_isNonFinite_withoutExtraCalls() {
    Counting f = classify(Math::sin, 0.5, Double.NaN);

    assertThat(result.kind()).isEqualTo(Kind.NON_FINITE);
    assertThat(f.calls).isEqualTo(2);
  }
}
