package io.github.gradprop.kinks;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gradprop.GradientCheckResult;
import io.github.gradprop.Gradients;
import io.github.gradprop.testmodels.PlantedError;
import io.github.gradprop.testmodels.ReferenceMlp;
import org.junit.jupiter.api.Test;

/** Kink handling costs loss calls only on entries that need them. */
class LossCallBudgetTests {

  /** Two calls for the base loss and its determinism check, two per entry. */
  private static final int PLAIN = 2 + 2 * 1560;

  @Test
  void referenceMlp_costsAtMostAFewCallsMoreThanPlainCentralDifferences() {
    for (long seed = 0; seed < 5; seed++) {
      GradientCheckResult r = Gradients.check(new ReferenceMlp(), ReferenceMlp.referenceCase(seed));

      assertThat(r.passed()).isTrue();
      assertThat(r.lossCalls()).isBetween((long) PLAIN, PLAIN + 8L);
    }
  }

  @Test
  void plantedErrorOfOneInTenThousand_isConfirmed_forAHandfulOfExtraCalls() {
    GradientCheckResult r =
        Gradients.check(
            new PlantedError(new ReferenceMlp(), "w2", 7, 1e-5), ReferenceMlp.referenceCase(1));

    assertThat(r.passed()).isFalse();
    assertThat(r.failures()).hasSize(1);
    assertThat(r.confirmed()).isTrue();
    assertThat(r.lossCalls()).isLessThanOrEqualTo(PLAIN + 16L);
  }
}
