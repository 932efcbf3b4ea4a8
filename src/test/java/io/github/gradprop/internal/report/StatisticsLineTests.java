package io.github.gradprop.internal.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The statistics line a passing property prints: golden text and its variants. */
class StatisticsLineTests {

  @Test
  void line_isTheGoldenText() {
    assertThat(
            StatisticsLine.format(
                new StatisticsLine.Facts("reluSoftmax", 100, 12, 3, 0, 0, 0, 3.1e-9, 41200, 1834)))
        .isEqualTo(
            "[gradprop] reluSoftmax: 100 tries (12 with edge values, 3 with kinks, 0 kink"
                + " artifacts), largest relative error 3.1e-09, 41,200 loss calls, 1.8 s");
  }

  @Test
  void line_saysHowManyTriesRanAlongRandomDirections() {
    assertThat(
            StatisticsLine.format(
                new StatisticsLine.Facts("large", 100, 11, 0, 0, 2, 100, 0, 2016, 5012)))
        .isEqualTo(
            "[gradprop] large: 100 tries (11 with edge values, 0 with kinks, 0 kink artifacts, 2"
                + " drawn again, 100 along random directions), largest relative error 0, 2,016"
                + " loss calls, 5.0 s");
  }

  @Test
  void line_saysOneTry_oneArtifact_casesDrawnAgain_andAZeroError() {
    assertThat(StatisticsLine.format(new StatisticsLine.Facts("p", 1, 0, 1, 1, 4, 0, 0, 7, 20)))
        .isEqualTo(
            "[gradprop] p: 1 try (0 with edge values, 1 with kinks, 1 kink artifact, 4 drawn"
                + " again), largest relative error 0, 7 loss calls, 0.0 s");
  }
}
