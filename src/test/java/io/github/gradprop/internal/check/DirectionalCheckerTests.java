package io.github.gradprop.internal.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gradprop.CheckOptions;
import io.github.gradprop.EntryCheck;
import io.github.gradprop.GradientCheckResult;
import io.github.gradprop.model.Case;
import io.github.gradprop.model.Parameters;
import io.github.gradprop.testmodels.PlantedError;
import io.github.gradprop.testmodels.ReferenceMlp;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The directional check on the reference MLP: planted errors, correct twins, kinks, replay. */
class DirectionalCheckerTests {

  private static final CheckOptions DEFAULTS = CheckOptions.defaults();

  /** The entry of {@code w2} with the largest |gradient| in the reference case of {@code seed}. */
  private static int largestW2Entry(long seed) {
    Case c = ReferenceMlp.referenceCase(seed);
    Parameters g = c.parameters().zerosLike();
    new ReferenceMlp().gradient(c.parameters(), c.batch(), g);
    double[] w2 = g.tensor("w2").toArray();
    int best = 0;
    for (int i = 1; i < w2.length; i++) {
      if (Math.abs(w2[i]) > Math.abs(w2[best])) {
        best = i;
      }
    }
    return best;
  }

  @Test
  void aRelativeErrorOf1e5InOneEntry_isCaught_andLocalizedToItsTensor() {
    for (long seed = 1; seed <= 5; seed++) {
      PlantedError planted = new PlantedError(new ReferenceMlp(), "w2", largestW2Entry(seed), 1e-5);
      DirectionalChecker.Outcome o =
          DirectionalChecker.check(planted, ReferenceMlp.referenceCase(seed), DEFAULTS, seed);
      assertThat(o.status()).as("seed %d", seed).isEqualTo(DirectionalChecker.Status.DISAGREES);
      assertThat(o.tensors()).extracting(DirectionalChecker.TensorFinding::tensor).contains("w2");
      GradientCheckResult r = o.asResult(DEFAULTS);
      assertThat(r.passed()).isFalse();
      assertThat(r.failures()).extracting(EntryCheck::tensor).contains("w2");
    }
  }

  @Test
  void theCorrectTwin_agreesAlongEveryDirection() {
    for (long seed = 1; seed <= 5; seed++) {
      DirectionalChecker.Outcome o =
          DirectionalChecker.check(
              new ReferenceMlp(), ReferenceMlp.referenceCase(seed), DEFAULTS, seed);
      assertThat(o.status()).as("seed %d", seed).isEqualTo(DirectionalChecker.Status.AGREES);
      assertThat(o.compared()).isEqualTo(DirectionalChecker.DIRECTIONS);
      assertThat(o.asResult(DEFAULTS).passed()).isTrue();
      assertThat(o.lossCalls()).isLessThanOrEqualTo(1 + 6L * DirectionalChecker.MAX_DRAWS);
    }
  }

  /**
   * Hidden units whose pre-activation is exactly 0 in every example: a kink along any direction.
   */
  private static Case onKinks(long seed) {
    Case c = ReferenceMlp.referenceCase(seed);
    double[][] w1 = c.parameters().matrix("w1");
    double[] b1 = c.parameters().vector("b1");
    for (int j = 0; j < 3; j++) {
      Arrays.fill(w1[j], 0);
      b1[j] = 0;
    }
    return c;
  }

  @Test
  void aKinkAlongEveryDirection_isDetected_andTheDirectionsMoveToANearbyGenericPoint() {
    for (long seed = 1; seed <= 5; seed++) {
      DirectionalChecker.Outcome o =
          DirectionalChecker.check(new ReferenceMlp(), onKinks(seed), DEFAULTS, seed);
      assertThat(o.status()).as("seed %d", seed).isEqualTo(DirectionalChecker.Status.AGREES);
      assertThat(o.atGenericPoint()).isTrue();
    }
  }

  @Test
  void aKinkAlongEveryDirection_underStrict_isUndecided_notAMismatch() {
    for (long seed = 1; seed <= 5; seed++) {
      DirectionalChecker.Outcome o =
          DirectionalChecker.check(
              new ReferenceMlp(),
              onKinks(seed),
              DEFAULTS.withKinkPolicy(io.github.gradprop.KinkPolicy.STRICT),
              seed);
      assertThat(o.status()).as("seed %d", seed).isEqualTo(DirectionalChecker.Status.UNDECIDED);
      // every random direction, then the tie-keeping ones, all meet the kinks
      assertThat(o.directions())
          .hasSize(DirectionalChecker.MAX_DRAWS + DirectionalChecker.TIE_DRAWS);
      assertThat(o.directions().get(DirectionalChecker.MAX_DRAWS).number())
          .isEqualTo(DirectionalChecker.MAX_DRAWS + 1);
      assertThat(DirectionalChecker.keepsTies(DirectionalChecker.MAX_DRAWS + 1)).isTrue();
      assertThat(DirectionalChecker.keepsTies(DirectionalChecker.MAX_DRAWS)).isFalse();
      assertThat(o.directions())
          .allMatch(
              d ->
                  d.verdict().kind()
                      == io.github.gradprop.internal.verdict.DirectionRule.Kind.KINK);
    }
  }

  @Test
  void aWrongGradientOnKinks_disagreesAtTheNearbyGenericPoint() {
    PlantedError planted = new PlantedError(new ReferenceMlp(), "w2", largestW2Entry(2), 1e-3);
    DirectionalChecker.Outcome o = DirectionalChecker.check(planted, onKinks(2), DEFAULTS, 2);
    assertThat(o.status()).isEqualTo(DirectionalChecker.Status.DISAGREES);
    assertThat(o.atGenericPoint()).isTrue();
  }

  @Test
  void theSameSeed_replaysTheSameDirections_andTheSameVerdicts() {
    PlantedError planted = new PlantedError(new ReferenceMlp(), "b1", 3, 1e-4);
    Case c = ReferenceMlp.referenceCase(9);
    DirectionalChecker.Outcome first = DirectionalChecker.check(planted, c, DEFAULTS, 42);
    DirectionalChecker.Outcome again = DirectionalChecker.check(planted, c, DEFAULTS, 42);
    DirectionalChecker.Outcome other = DirectionalChecker.check(planted, c, DEFAULTS, 43);
    assertThat(first.status()).isEqualTo(DirectionalChecker.Status.DISAGREES);
    assertThat(again).isEqualTo(first);
    assertThat(other.directions().get(0).verdict().analytic())
        .isNotEqualTo(first.directions().get(0).verdict().analytic());
  }

  @Test
  void theCaseIsLeftExactlyAsGiven() {
    Case c = ReferenceMlp.referenceCase(4);
    Case before = c.copy();
    DirectionalChecker.check(new ReferenceMlp(), c, DEFAULTS, 4);
    for (int k = 0; k < c.tensors().size(); k++) {
      assertThat(c.tensors().get(k).toArray()).isEqualTo(before.tensors().get(k).toArray());
    }
  }
}
