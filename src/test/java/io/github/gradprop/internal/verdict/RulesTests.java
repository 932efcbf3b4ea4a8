package io.github.gradprop.internal.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Each rule of the classification on numbers worked out by hand. */
class RulesTests {

  @Test
  void jumpFloor_isTwiceTheToleranceAtTheLargerSlope_plusFourTimesTheRoundingOverTheStep() {
    // 2 * (0.5 + 0.25 * |-4|) + 4 * 0.5 / 0.25 = 2 * 1.5 + 8 = 11
    assertThat(Rules.jumpFloor(-4, 2, 0.25, 0.5, 0.25, 0.5)).isEqualTo(11.0);
    assertThat(Rules.jumpFloor(1, -8, 0.5, 0, 0.5, 0)).isEqualTo(8.0);
  }

  @Test
  void aGapThatKeepsHalfItsValueAboveTheFloor_isAKink() {
    assertThat(Rules.isKink(1.0, 2.0, 0.5)).as("exactly half kept").isTrue();
    assertThat(Rules.isKink(2.0, 2.0, 0.5)).as("unchanged, as at a ReLU").isTrue();
  }

  @Test
  void aGapThatShrinksWithTheStep_orStaysBelowTheFloor_isNoKink() {
    assertThat(Rules.isKink(0.25, 2.0, 0.1)).as("shrank 8-fold: smooth").isFalse();
    assertThat(Rules.isKink(0.99, 2.0, 0.1)).as("just under half").isFalse();
    assertThat(Rules.isKink(2.0, 2.0, 2.0)).as("at the floor").isFalse();
  }

  @Test
  void aGapThatGrowsFourfoldAboveTheFloor_looksLikeNoise_andOneThatGrowsLessDoesNot() {
    assertThat(Rules.grewLikeNoise(4.0, 1.0, 0.1)).isTrue();
    assertThat(Rules.grewLikeNoise(3.99, 1.0, 0.1)).isFalse();
    assertThat(Rules.grewLikeNoise(4.0, 1.0, 4.0)).as("at the floor").isFalse();
  }

  @Test
  void estimatesHaveSettled_whenTheirChangeIsWithinTheTolerance() {
    assertThat(Rules.settled(1e-6, 1e-6)).isTrue();
    assertThat(Rules.settled(1.1e-6, 1e-6)).isFalse();
  }

  @Test
  void firstOrderConvergence_needsAChangeOfAtLeastASixteenthOfThePreviousOne() {
    assertThat(Rules.convergesAtFirstOrder(1.0, 8.0)).as("8-fold: first order").isTrue();
    assertThat(Rules.convergesAtFirstOrder(1.0, 16.0)).as("exactly 16-fold").isTrue();
    assertThat(Rules.convergesAtFirstOrder(1.0, 64.0)).as("64-fold: second order").isFalse();
    assertThat(Rules.convergesAtFirstOrder(1.0, 0.0)).as("no previous change").isFalse();
  }

  @Test
  void theFirstOrderLimit_allowsAQuarterOfTheLastChangeBeyondTheTolerance() {
    // |3 - 2| = 1 <= 0.5 + 0.25 * 2 = 1
    assertThat(Rules.withinFirstOrderLimit(3, 2, 0.5, 2)).isTrue();
    assertThat(Rules.withinFirstOrderLimit(3.01, 2, 0.5, 2)).isFalse();
    assertThat(Rules.withinFirstOrderLimit(1, 2, 0.5, 2)).as("either side").isTrue();
  }

  @Test
  void slopesAreSteep_whenOneIsAThousandTimesTheOtherAndTheLossScale() {
    assertThat(Rules.isSteep(0, -1000, 1)).isTrue();
    assertThat(Rules.isSteep(2, 2000, 1)).isTrue();
    assertThat(Rules.isSteep(2, 1999, 1)).as("not 1000 times the smaller slope").isFalse();
    assertThat(Rules.isSteep(0, 1000, 2)).as("not 1000 times the loss scale").isFalse();
  }

  @Test
  void aStepBelowTheFloor_isQuiet_whileTheRoundingStaysWithinATenthOfTheAllowedError() {
    // rounding 16 * 2^-52 * 1 / 2^-30 = 2^-18; allowed max(atol, tol) = 10 * 2^-18 is just enough
    double eps = Math.ulp(1.0);
    double r = Math.scalb(1.0, -18);
    assertThat(Rules.quietBelowFloor(16, eps, 1, Math.scalb(1.0, -30), 0, 10 * r)).isTrue();
    assertThat(Rules.quietBelowFloor(16, eps, 1, Math.scalb(1.0, -30), 0, 9 * r)).isFalse();
    assertThat(Rules.quietBelowFloor(16, eps, 1, Math.scalb(1.0, -30), 10 * r, Double.NaN))
        .as("a tolerance that is not finite falls back to atol")
        .isTrue();
    assertThat(Rules.quietBelowFloor(16, eps, 0, 1e-300, 0, 0)).as("a loss of exactly 0").isTrue();
  }
}
