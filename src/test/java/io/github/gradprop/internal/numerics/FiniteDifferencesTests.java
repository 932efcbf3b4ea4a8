package io.github.gradprop.internal.numerics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.gradprop.DifferenceScheme;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;
import org.apache.commons.math3.analysis.differentiation.FiniteDifferencesDifferentiator;
import org.apache.commons.math3.analysis.differentiation.UnivariateDifferentiableFunction;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The stencils against exact derivatives from Commons Math's {@code DerivativeStructure}, with
 * error bounds from the Taylor remainder of each scheme plus the rounding of the loss values.
 */
class FiniteDifferencesTests {

  private static final double EPS = Math.ulp(1.0);

  /** A smooth test function, written once over derivative structures. */
  record Fn(String name, UnaryOperator<DerivativeStructure> f) {

    double value(double x) {
      return f.apply(new DerivativeStructure(1, 0, 0, x)).getValue();
    }

    double derivative(double x, int order) {
      return f.apply(new DerivativeStructure(1, order, 0, x)).getPartialDerivative(order);
    }

    /** max |f^(order)| on [from, to], sampled at 65 points (the bound below doubles it). */
    double maxAbs(int order, double from, double to) {
      double max = 0;
      for (int k = 0; k <= 64; k++) {
        double x = from + (to - from) * k / 64;
        max = Math.max(max, Math.abs(derivative(x, order)));
      }
      return max;
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static final Fn EXP = new Fn("exp(x)", DerivativeStructure::exp);
  static final Fn SIN = new Fn("sin(x)", DerivativeStructure::sin);
  static final Fn TANH = new Fn("tanh(x)", DerivativeStructure::tanh);
  static final Fn CUBE = new Fn("x^3", x -> x.pow(3));
  static final Fn SIN_EXP = new Fn("sin(exp(x))", x -> x.exp().sin());
  // log1p, not log(1 + x^2): the latter loses eps absolute in 1 + x^2, far above eps |f| near 0.
  static final Fn LOG_1P_SQUARE = new Fn("log1p(x^2)", x -> x.multiply(x).log1p());
  static final Fn SOFTPLUS = new Fn("log(1 + exp(x))", x -> x.exp().log1p());
  static final Fn SQRT_1P_SQUARE = new Fn("sqrt(1 + x^2)", x -> x.multiply(x).add(1).sqrt());
  static final Fn X_TANH = new Fn("x tanh(x / 3)", x -> x.multiply(x.divide(3).tanh()));
  static final Fn LOG = new Fn("log(x)", DerivativeStructure::log);
  static final Fn SQRT = new Fn("sqrt(x)", DerivativeStructure::sqrt);
  static final Fn RECIPROCAL = new Fn("1 / x", DerivativeStructure::reciprocal);
  static final Fn X_LOG_X = new Fn("x log(x)", x -> x.multiply(x.log()));
  static final Fn ATAN_SCALED = new Fn("atan(x / 1e4)", x -> x.divide(1e4).atan());

  /** Functions defined on the whole real line, used at ordinary and at small points. */
  static final List<Fn> EVERYWHERE =
      List.of(EXP, SIN, TANH, CUBE, SIN_EXP, LOG_1P_SQUARE, SOFTPLUS, SQRT_1P_SQUARE, X_TANH);

  /** Functions whose natural scale is large |x|, used at |theta| ~ 1e4 (positive only). */
  static final List<Fn> LARGE_POSITIVE =
      List.of(LOG, SQRT, RECIPROCAL, X_LOG_X, ATAN_SCALED, CUBE, LOG_1P_SQUARE, SIN);

  /** Functions for |theta| ~ 1e4 of either sign. */
  static final List<Fn> LARGE_ANY_SIGN =
      List.of(CUBE, LOG_1P_SQUARE, SQRT_1P_SQUARE, ATAN_SCALED, SIN);

  static final double[] ORDINARY = {-2.5, -1.0, -0.3, 0.1, 0.7, 1.3, 2.9};
  static final double[] SMALL = {1e-4, -1e-4, 3.3e-4, -7e-5};
  static final double[] LARGE = {1e4, -1e4, 3.7e4, -2.2e4};

  static Stream<Arguments> smoothCases() {
    List<Arguments> cases = new ArrayList<>();
    for (DifferenceScheme scheme : DifferenceScheme.values()) {
      for (Fn f : EVERYWHERE) {
        for (double theta : ORDINARY) {
          cases.add(Arguments.of(scheme, f, theta));
        }
        for (double theta : SMALL) {
          cases.add(Arguments.of(scheme, f, theta));
        }
      }
      for (double theta : LARGE) {
        for (Fn f : theta > 0 ? LARGE_POSITIVE : LARGE_ANY_SIGN) {
          cases.add(Arguments.of(scheme, f, theta));
        }
      }
    }
    return cases.stream();
  }

  /**
   * The theoretical error bound of {@code scheme} at {@code theta} with step {@code h}.
   *
   * <p>Truncation, from the Taylor remainder with M_k = max |f^(k)| over the stencil: central
   * {@code h^2 M3 / 6}; 5-point {@code h^4 M5 / 30}; Richardson of central differences at h and h/2
   * {@code (4 R(h/2) + R(h)) / 3 <= h^4 M5 / 288}, where {@code |R(h)| <= h^4 M5 / 120} is what is
   * left of a central difference after its h^2 term. Rounding: each loss value is off by at most
   * {@code 8 eps M0} (a few correctly rounded operations) plus {@code eps |x| M1} (the abscissa
   * rounded), amplified by the sum of the absolute stencil weights; the final division adds a few
   * eps relative. Safety factor 2 on the whole.
   */
  static double bound(DifferenceScheme scheme, Fn f, double theta, double h) {
    double reach = scheme == DifferenceScheme.FIVE_POINT ? 2 * h : h;
    double from = theta - reach;
    double to = theta + reach;
    double truncation =
        switch (scheme) {
          case CENTRAL -> h * h * f.maxAbs(3, from, to) / 6;
          case FIVE_POINT -> Math.pow(h, 4) * f.maxAbs(5, from, to) / 30;
          case RICHARDSON -> Math.pow(h, 4) * f.maxAbs(5, from, to) / 288;
        };
    double m1 = f.maxAbs(1, from, to);
    double perValue = 8 * EPS * f.maxAbs(0, from, to) + EPS * (Math.abs(theta) + reach) * m1;
    double rounding = stencilWeightSum(scheme) * perValue / h + 8 * EPS * m1;
    return 2 * (truncation + rounding);
  }

  /** Sum of |stencil weights| times h, written out here from the formulas, not from the code. */
  static double stencilWeightSum(DifferenceScheme scheme) {
    return switch (scheme) {
      case CENTRAL -> 2 * 0.5;
      case FIVE_POINT -> (1 + 8 + 8 + 1) / 12.0;
      case RICHARDSON -> (2 * 4.0 / 3) + (2 * 1.0 / 6);
    };
  }

  @ParameterizedTest(name = "{0}: d/dx {1} at {2}")
  @MethodSource("smoothCases")
  void estimate_isWithinTheTheoreticalBound_ofItsScheme(
      DifferenceScheme scheme, Fn f, double theta) {
    double h = FiniteDifferences.step(theta, scheme.defaultStep());
    double estimate = FiniteDifferences.estimate(scheme, f::value, theta, h);
    double exact = f.derivative(theta, 1);

    assertThat(estimate)
        .as("%s estimate of d/dx %s at %s with h = %s", scheme, f, theta, h)
        .isCloseTo(exact, within(bound(scheme, f, theta, h)));
  }

  @Test
  void theBound_isTightEnoughToRejectAForwardDifference() {
    // Guards the test above against bounds so loose that a first-order scheme would pass.
    int rejected = 0;
    int total = 0;
    for (Fn f : EVERYWHERE) {
      for (double theta : ORDINARY) {
        double h = FiniteDifferences.step(theta, DifferenceScheme.CENTRAL.defaultStep());
        double forward = (f.value(theta + h) - f.value(theta)) / h;
        double error = Math.abs(forward - f.derivative(theta, 1));
        total++;
        if (error > bound(DifferenceScheme.CENTRAL, f, theta, h)) {
          rejected++;
        }
      }
    }
    assertThat(rejected)
        .as("forward differences rejected out of %d", total)
        .isGreaterThan(total / 2);
  }

  @Test
  void theBound_isTightEnoughToRejectCentralDifferences_asAFourthOrderScheme() {
    int rejected = 0;
    int total = 0;
    for (Fn f : EVERYWHERE) {
      for (double theta : ORDINARY) {
        double h = FiniteDifferences.step(theta, DifferenceScheme.FIVE_POINT.defaultStep());
        double central = FiniteDifferences.estimate(DifferenceScheme.CENTRAL, f::value, theta, h);
        double error = Math.abs(central - f.derivative(theta, 1));
        total++;
        if (error > bound(DifferenceScheme.FIVE_POINT, f, theta, h)) {
          rejected++;
        }
      }
    }
    assertThat(rejected)
        .as("central differences rejected out of %d", total)
        .isGreaterThan(total / 2);
  }

  /** Leading error terms: with a large step, truncation dominates and has a known constant. */
  @Nested
  class LeadingErrorTerm {

    static Stream<Arguments> points() {
      List<Arguments> cases = new ArrayList<>();
      for (Fn f : List.of(EXP, SIN, SIN_EXP, SOFTPLUS, X_TANH)) {
        for (double theta : new double[] {-1.1, 0.4, 1.7}) {
          cases.add(Arguments.of(f, theta));
        }
      }
      return cases.stream();
    }

    @ParameterizedTest(name = "d/dx {0} at {1}")
    @MethodSource("points")
    void central_isOffBy_hSquaredTimesThirdDerivativeOverSix(Fn f, double theta) {
      double h = FiniteDifferences.step(theta, 1e-3);
      double error =
          FiniteDifferences.estimate(DifferenceScheme.CENTRAL, f::value, theta, h)
              - f.derivative(theta, 1);
      assertThat(error)
          .isCloseTo(
              h * h * f.derivative(theta, 3) / 6, within(predictionSlack(f, theta, h * h / 6, 3)));
    }

    @ParameterizedTest(name = "d/dx {0} at {1}")
    @MethodSource("points")
    void fivePoint_isOffBy_minusHToTheFourthTimesFifthDerivativeOverThirty(Fn f, double theta) {
      double h = FiniteDifferences.step(theta, 2e-2);
      double error =
          FiniteDifferences.estimate(DifferenceScheme.FIVE_POINT, f::value, theta, h)
              - f.derivative(theta, 1);
      assertThat(error)
          .isCloseTo(
              -Math.pow(h, 4) * f.derivative(theta, 5) / 30,
              within(predictionSlack(f, theta, Math.pow(h, 4) / 30, 5)));
    }

    @ParameterizedTest(name = "d/dx {0} at {1}")
    @MethodSource("points")
    void richardson_isOffBy_minusHToTheFourthTimesFifthDerivativeOver480(Fn f, double theta) {
      double h = FiniteDifferences.step(theta, 2e-2);
      double error =
          FiniteDifferences.estimate(DifferenceScheme.RICHARDSON, f::value, theta, h)
              - f.derivative(theta, 1);
      assertThat(error)
          .isCloseTo(
              -Math.pow(h, 4) * f.derivative(theta, 5) / 480,
              within(predictionSlack(f, theta, Math.pow(h, 4) / 480, 5)));
    }

    /** 10% of the predicted term's scale, plus the next-order term and rounding. */
    private double predictionSlack(Fn f, double theta, double coefficient, int order) {
      double scale = coefficient * Math.max(Math.abs(f.derivative(theta, order)), 1e-3);
      return 0.1 * scale + 1e-12;
    }
  }

  /** Exactness on polynomials, computed with dyadic points so no rounding occurs at all. */
  @Nested
  class Polynomials {

    private final double theta = 1.5;
    private final double h = 0x1p-4;

    private double estimateOf(DifferenceScheme scheme, int degree) {
      return FiniteDifferences.estimate(scheme, x -> Math.pow(x, degree), theta, h);
    }

    private double exactOf(int degree) {
      return degree * Math.pow(theta, degree - 1);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(DifferenceScheme.class)
    void everyScheme_isExact_upToDegreeTwo(DifferenceScheme scheme) {
      for (int degree = 0; degree <= 2; degree++) {
        assertThat(estimateOf(scheme, degree)).as("degree %d", degree).isEqualTo(exactOf(degree));
      }
    }

    @Test
    void central_isOffBy_hSquared_onACubic() {
      // (x+h)^3 - (x-h)^3 = 6 x^2 h + 2 h^3, so the estimate is 3 x^2 + h^2.
      assertThat(estimateOf(DifferenceScheme.CENTRAL, 3)).isEqualTo(exactOf(3) + h * h);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(
        value = DifferenceScheme.class,
        names = {"FIVE_POINT", "RICHARDSON"})
    void fourthOrderSchemes_areExact_upToDegreeFour(DifferenceScheme scheme) {
      for (int degree = 3; degree <= 4; degree++) {
        assertThat(estimateOf(scheme, degree)).as("degree %d", degree).isEqualTo(exactOf(degree));
      }
    }

    @Test
    void fivePoint_isOffBy_minusFourHToTheFourth_onAQuintic() {
      // -h^4 f^(5) / 30 with f^(5) = 120.
      assertThat(estimateOf(DifferenceScheme.FIVE_POINT, 5))
          .isCloseTo(exactOf(5) - 4 * Math.pow(h, 4), within(1e-12));
    }

    @Test
    void richardson_isOffBy_minusAQuarterHToTheFourth_onAQuintic() {
      // -h^4 f^(5) / 480 with f^(5) = 120.
      assertThat(estimateOf(DifferenceScheme.RICHARDSON, 5))
          .isCloseTo(exactOf(5) - Math.pow(h, 4) / 4, within(1e-12));
    }
  }

  /** Against Commons Math's differentiator; its stepSize is the spacing between samples. */
  @Nested
  class AgainstCommonsMath {

    static Stream<Arguments> points() {
      List<Arguments> cases = new ArrayList<>();
      for (Fn f : EVERYWHERE) {
        for (double theta : ORDINARY) {
          cases.add(Arguments.of(f, theta));
        }
      }
      return cases.stream();
    }

    private double commonsMath(int nbPoints, double spacing, Fn f, double theta) {
      UnivariateDifferentiableFunction d =
          new FiniteDifferencesDifferentiator(nbPoints, spacing).differentiate(f::value);
      return d.value(new DerivativeStructure(1, 1, 0, theta)).getPartialDerivative(1);
    }

    private double roundingLevel(Fn f, double theta, double h) {
      return 64 * EPS * (Math.abs(f.value(theta)) + Math.abs(theta * f.derivative(theta, 1))) / h
          + 64 * EPS * Math.abs(f.derivative(theta, 1));
    }

    @ParameterizedTest(name = "d/dx {0} at {1}")
    @MethodSource("points")
    void central_equalsThreePointsAtSpacingH(Fn f, double theta) {
      double h = FiniteDifferences.step(theta, 1e-4);
      assertThat(FiniteDifferences.estimate(DifferenceScheme.CENTRAL, f::value, theta, h))
          .isCloseTo(commonsMath(3, h, f, theta), within(roundingLevel(f, theta, h)));
    }

    @ParameterizedTest(name = "d/dx {0} at {1}")
    @MethodSource("points")
    void fivePoint_equalsFivePointsAtSpacingH(Fn f, double theta) {
      double h = FiniteDifferences.step(theta, 1e-2);
      assertThat(FiniteDifferences.estimate(DifferenceScheme.FIVE_POINT, f::value, theta, h))
          .isCloseTo(commonsMath(5, h, f, theta), within(roundingLevel(f, theta, h)));
    }

    @Test
    void theCrossCheck_canDistinguishSpacingFromHalfStep() {
      // Giving Commons Math h/2 (a half-step) instead of h gives a visibly different estimate.
      Fn f = SIN_EXP;
      double theta = 0.7;
      double h = FiniteDifferences.step(theta, 1e-2);
      double ours = FiniteDifferences.estimate(DifferenceScheme.CENTRAL, f::value, theta, h);
      assertThat(Math.abs(ours - commonsMath(3, h / 2, f, theta)))
          .isGreaterThan(1000 * roundingLevel(f, theta, h));
    }
  }

  @Nested
  class Step {

    static double[] thetas() {
      List<Double> values = new ArrayList<>();
      double[] magnitudes = {
        0,
        Double.MIN_NORMAL,
        1e-300,
        1e-12,
        1e-4,
        0.1,
        0.3,
        0.5,
        0.9999999,
        1,
        1.0000001,
        1.5,
        2,
        Math.nextDown(2.0),
        3.7,
        10,
        1024,
        Math.nextDown(1024.0),
        1e4,
        3.7e4,
        1e8,
        1e15,
        1e100
      };
      for (double m : magnitudes) {
        values.add(m);
        values.add(-m);
      }
      java.util.Random r = new java.util.Random(7);
      for (int k = 0; k < 200; k++) {
        values.add((r.nextBoolean() ? 1 : -1) * Math.pow(10, -6 + 12 * r.nextDouble()));
      }
      return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    static double[] steps() {
      return new double[] {
        DifferenceScheme.CENTRAL.defaultStep(), DifferenceScheme.FIVE_POINT.defaultStep(), 1e-3, 0.3
      };
    }

    @Test
    void step_isExactlyRepresentable_thetaPlusHMinusThetaIsH() {
      for (double c : steps()) {
        for (double theta : thetas()) {
          double h = FiniteDifferences.step(theta, c);
          assertThat((theta + h) - theta).as("theta %s, c %s", theta, c).isEqualTo(h);
        }
      }
    }

    @Test
    void step_scalesWith_maxOfOneAndAbsTheta() {
      for (double c : steps()) {
        for (double theta : thetas()) {
          double h = FiniteDifferences.step(theta, c);
          double nominal = c * Math.max(1, Math.abs(theta));
          assertThat(h)
              .as("theta %s, c %s", theta, c)
              .isPositive()
              .isCloseTo(nominal, within(2 * Math.ulp(Math.abs(theta) + nominal)));
        }
      }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, 1e-300, 1e-4, -1e-4, 0.5, -0.999})
    void step_isTheRelativeStepItself_forValuesBelowOne(double theta) {
      double c = DifferenceScheme.CENTRAL.defaultStep();
      assertThat(FiniteDifferences.step(theta, c)).isCloseTo(c, within(Math.ulp(1.0)));
    }

    @Test
    void step_atZero_isExactlyC() {
      assertThat(FiniteDifferences.step(0, 1e-3)).isEqualTo(1e-3);
    }

    @Test
    void step_growsLinearly_forLargeValues() {
      double c = DifferenceScheme.CENTRAL.defaultStep();
      assertThat(FiniteDifferences.step(1e4, c) / FiniteDifferences.step(1e2, c))
          .isCloseTo(100, within(1e-8));
    }

    @Test
    void defaultSteps_followTheErrorAnalysis() {
      assertThat(DifferenceScheme.CENTRAL.defaultStep()).isCloseTo(Math.cbrt(EPS), within(1e-12));
      assertThat(DifferenceScheme.CENTRAL.defaultStep()).isBetween(6.0e-6, 6.1e-6);
      assertThat(DifferenceScheme.FIVE_POINT.defaultStep()).isBetween(7.4e-4, 7.5e-4);
      assertThat(DifferenceScheme.RICHARDSON.defaultStep()).isBetween(7.4e-4, 7.5e-4);
    }
  }

  /** The estimate only calls the objective; restoring the entry is the caller's job. */
  @Nested
  class CallsOfTheObjective {

    /** Records every point the objective is asked for, like the engine's in-place probe. */
    static final class Recording implements Objective {
      final List<Double> points = new ArrayList<>();
      double current = Double.NaN;

      @Override
      public double at(double value) {
        points.add(value);
        current = value;
        return Math.sin(value);
      }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(DifferenceScheme.class)
    void estimate_callsTheObjectiveOnlyAtTheStencilPoints_andNeverAtTheta(DifferenceScheme scheme) {
      double theta = 0.75;
      double h = 0x1p-10;
      Recording f = new Recording();

      FiniteDifferences.estimate(scheme, f, theta, h);

      Double[] stencil =
          switch (scheme) {
            case CENTRAL -> new Double[] {theta + h, theta - h};
            case FIVE_POINT -> new Double[] {theta + 2 * h, theta + h, theta - h, theta - 2 * h};
            case RICHARDSON -> new Double[] {theta + h, theta - h, theta + h / 2, theta - h / 2};
          };
      assertThat(f.points).containsExactlyInAnyOrder(stencil);
      assertThat(f.points).hasSize(FiniteDifferences.callsPerEntry(scheme)).doesNotContain(theta);
      assertThat(f.current).as("the last point asked for stays set").isNotEqualTo(theta);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(DifferenceScheme.class)
    void noiseGain_isTheSumOfAbsoluteStencilWeights_timesH(DifferenceScheme scheme) {
      double theta = 0.75;
      double h = 0x1p-10;
      Recording probe = new Recording();
      FiniteDifferences.estimate(scheme, probe, theta, h);

      double sum = 0;
      for (double point : probe.points) {
        // The weight of one stencil point: the estimate of its indicator function.
        sum += Math.abs(FiniteDifferences.estimate(scheme, x -> x == point ? 1 : 0, theta, h));
      }
      assertThat(FiniteDifferences.noiseGain(scheme)).isCloseTo(sum * h, within(1e-12));
      assertThat(FiniteDifferences.noiseGain(scheme)).isEqualTo(stencilWeightSum(scheme));
    }
  }
}
