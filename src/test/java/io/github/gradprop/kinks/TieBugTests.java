package io.github.gradprop.kinks;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gradprop.EntryCheck;
import io.github.gradprop.GradientCheckResult;
import io.github.gradprop.Gradients;
import io.github.gradprop.Verdict;
import io.github.gradprop.kinks.KinkCases.Targets;
import io.github.gradprop.kinks.KinkCases.Values;
import io.github.gradprop.model.Case;
import io.github.gradprop.model.GradientModel;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A max (maxout, max-pool) that passes the gradient to every tied input: invisible entry by entry
 * and at generic points, detected along the direction that keeps the tie tied.
 */
class TieBugTests {

  static Stream<Arguments> maxModels() {
    return Stream.of(
        Arguments.of(
            "maxout",
            new MaxoutNet(Routing.EVERY_TIED),
            new MaxoutNet(Routing.FIRST_OF_TIES),
            KinkCases.maxoutTies()),
        Arguments.of(
            "max-pool",
            new MaxPoolNet(Routing.EVERY_TIED),
            new MaxPoolNet(Routing.FIRST_OF_TIES),
            KinkCases.poolTies()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("maxModels")
  void
      maxThatSendsTheGradientToEveryTiedInput_isDetectedAsKinkMismatch_onTieCases_whileTheCorrectMaxPasses(
          String name, GradientModel buggy, GradientModel correct, KinkCases.Tweak ties) {
    int tries = 0;
    int detected = 0;
    int correctFailures = 0;
    for (Values values : Values.values()) {
      for (long seed = 0; seed < 200; seed++) {
        Case c = KinkCases.draw(buggy.spec(), Targets.REAL, values, null, seed);
        ties.apply(c, new Random(seed));
        tries++;
        GradientCheckResult r = Gradients.check(buggy, c);
        if (r.failures().stream().anyMatch(e -> e.verdict() == Verdict.KINK_MISMATCH)) {
          detected++;
        }
        if (!Gradients.check(correct, c).passed()) {
          correctFailures++;
        }
      }
    }

    assertThat(detected).isGreaterThan(tries * 3 / 4);
    assertThat(correctFailures).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("maxModels")
  void maxThatSendsTheGradientToEveryTiedInput_passesAtGenericPoints_soOnlyTiesCanShowIt(
      String name, GradientModel buggy, GradientModel correct, KinkCases.Tweak ties) {
    for (long seed = 0; seed < 100; seed++) {
      Case c = KinkCases.draw(buggy.spec(), Targets.REAL, Values.GENERIC, null, seed);
      assertThat(Gradients.check(buggy, c).passed()).isTrue();
    }
  }

  @Test
  void maxPoolTie_failsWithKinkMismatchRows_thatNameTheTiedEntries() {
    Case c = TieCases.maxPoolTie();
    GradientCheckResult r = Gradients.check(new MaxPoolNet(Routing.EVERY_TIED), c);

    assertThat(r.passed()).isFalse();
    assertThat(r.failures()).extracting(EntryCheck::verdict).containsOnly(Verdict.KINK_MISMATCH);
    EntryCheck w1 =
        r.failures().stream().filter(e -> e.tensor().equals("w1")).findFirst().orElseThrow();
    assertThat(r.tiedEntries(w1)).containsExactly("w1[0, 0]", "w1[1, 0]");
    assertThat(w1.analytic()).isEqualTo(2.0);
    assertThat(w1.numeric()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
    assertThat(r.report())
        .contains("ties      : moving w1[0, 0], w1[1, 0] together, the loss changes smoothly")
        .contains("w1      [0, 0] +1 tied");
    assertThat(Gradients.check(new MaxPoolNet(Routing.FIRST_OF_TIES), c).passed()).isTrue();
  }
}
