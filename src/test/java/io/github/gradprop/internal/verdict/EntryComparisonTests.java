package io.github.gradprop.internal.verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.gradprop.Verdict;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EntryComparisonTests {

  @Nested
  class RelativeError {

    @Test
    void relativeError_isZero_whenBothAreZero() {
      assertThat(EntryComparison.relativeError(0, 0)).isZero();
      assertThat(EntryComparison.relativeError(-0.0, 0.0)).isZero();
    }

    @Test
    void relativeError_isZero_whenBothAreEqual() {
      assertThat(EntryComparison.relativeError(-3.25, -3.25)).isZero();
    }

    @ParameterizedTest(name = "a={0}, n={1} -> {2}")
    @CsvSource({
      "-0.5, -2.0, 0.75",
      "-2.0, -0.5, 0.75",
      "1.0, -1.0, 2.0",
      "0.0, 1e-300, 1.0",
      "1e-300, 0.0, 1.0",
      "1.00001, 1.0, 9.99990000099999e-6",
      "3.0, 4.0, 0.25"
    })
    void relativeError_isAbsoluteDifference_overTheLargerMagnitude(
        double analytic, double numeric, double expected) {
      assertThat(EntryComparison.relativeError(analytic, numeric))
          .isCloseTo(expected, within(1e-15));
    }

    @Test
    void relativeError_isSymmetric() {
      assertThat(EntryComparison.relativeError(0.1, 0.3))
          .isEqualTo(EntryComparison.relativeError(0.3, 0.1));
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void relativeError_isNaN_whenEitherSideIsNotFinite(double bad) {
      assertThat(EntryComparison.relativeError(bad, 1.0)).isNaN();
      assertThat(EntryComparison.relativeError(1.0, bad)).isNaN();
      assertThat(EntryComparison.relativeError(bad, bad)).isNaN();
    }

    @Test
    void relativeError_doesNotOverflow_forHugeValues() {
      assertThat(EntryComparison.relativeError(Double.MAX_VALUE, Double.MAX_VALUE / 2))
          .isCloseTo(0.5, within(1e-15));
    }
  }

  @Nested
  class Tolerance {

    @Test
    void tolerance_isAtolPlusRtolTimesAbsNumeric_plusRounding() {
      assertThat(EntryComparison.tolerance(-2.0, 1e-8, 1e-6, 3e-9))
          .isCloseTo(1e-8 + 2e-6 + 3e-9, within(1e-22));
    }

    @Test
    void tolerance_usesTheNumericSide_notTheAnalytic() {
      // The numeric side is the reference: a wildly wrong analytic value must not widen the band.
      assertThat(EntryComparison.tolerance(0.0, 1e-8, 1e-6, 0)).isEqualTo(1e-8);
    }

    @Test
    void tolerance_isAtol_forZeroRtolAndRounding() {
      assertThat(EntryComparison.tolerance(123.0, 1e-5, 0, 0)).isEqualTo(1e-5);
    }
  }

  @Nested
  class Verdicts {

    @Test
    void verdict_isOk_withinTheTolerance_inclusive() {
      assertThat(EntryComparison.verdict(1.0 + 0x1p-20, 1.0, 0x1p-20)).isEqualTo(Verdict.OK);
      assertThat(EntryComparison.verdict(1.0, 1.0, 0)).isEqualTo(Verdict.OK);
    }

    @Test
    void verdict_isMismatch_justOutsideTheTolerance() {
      assertThat(EntryComparison.verdict(1.0 + 0x1p-19, 1.0, 0x1p-20)).isEqualTo(Verdict.MISMATCH);
      assertThat(EntryComparison.verdict(1.0 - 0x1p-19, 1.0, 0x1p-20)).isEqualTo(Verdict.MISMATCH);
    }

    @Test
    void verdict_isMismatch_forAPlantedRelativeErrorOf1eMinus5_atDefaultTolerances() {
      double numeric = 0.0653;
      double analytic = numeric * (1 + 1e-5);
      double tol = EntryComparison.tolerance(numeric, 1e-8, 1e-6, 2e-9);
      assertThat(EntryComparison.verdict(analytic, numeric, tol)).isEqualTo(Verdict.MISMATCH);
      assertThat(EntryComparison.verdict(numeric * (1 + 1e-7), numeric, tol)).isEqualTo(Verdict.OK);
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void verdict_isNonFinite_whenEitherSideIsNotFinite_evenWithAnInfiniteTolerance(double bad) {
      assertThat(EntryComparison.verdict(bad, 1.0, Double.POSITIVE_INFINITY))
          .isEqualTo(Verdict.NON_FINITE);
      assertThat(EntryComparison.verdict(1.0, bad, Double.POSITIVE_INFINITY))
          .isEqualTo(Verdict.NON_FINITE);
    }

    @Test
    void verdict_isNonFinite_forEqualInfinities() {
      assertThat(EntryComparison.verdict(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, 1))
          .isEqualTo(Verdict.NON_FINITE);
    }

    @Test
    void onlyOk_isNotAFailure() {
      assertThat(Verdict.OK.isFailure()).isFalse();
      assertThat(Verdict.MISMATCH.isFailure()).isTrue();
      assertThat(Verdict.NON_FINITE.isFailure()).isTrue();
    }
  }
}
