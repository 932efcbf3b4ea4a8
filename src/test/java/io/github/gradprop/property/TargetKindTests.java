package io.github.gradprop.property;

import static io.github.gradprop.property.PropertyFixtures.assertPasses;
import static io.github.gradprop.property.PropertyFixtures.onlyFailure;
import static io.github.gradprop.property.PropertyFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.gradprop.GradientMismatchError;
import org.junit.jupiter.api.Test;

/** Targets not written: a share of tries draws distribution rows, which one-hot rows generalise. */
class TargetKindTests {

  @Test
  void oneHotShortcutInTheBackward_isCaughtUnderTheDefaults_onEverySeed() {
    for (long seed = 1; seed <= 5; seed++) {
      Throwable failure = onlyFailure(run(TargetKindTestCases.DefaultShortcut.class, seed));
      assertThat(failure).as("seed %d", seed).isInstanceOf(GradientMismatchError.class);
      // the shrunk targets are still a distribution row, not one-hot
      assertThat(failure.getMessage()).as("seed %d", seed).contains("targets = {{0.5, 0.5}}");
      // and the report says why the targets are not one-hot, and how to pin them
      assertThat(failure.getMessage())
          .as("seed %d", seed)
          .contains(
              "targets   : DISTRIBUTION (this try drew the kind that generalises ONE_HOT, as one"
                  + " try in four does when `targets` is not written; `targets ="
                  + " TargetKind.ONE_HOT` pins ONE_HOT on every try)");
    }
  }

  @Test
  void aFailureOnTheTargetKindItWasWrittenWith_hasNoTargetsLine() {
    Throwable failure = onlyFailure(run(DirectionalTestCases.MissingDerivativeFull.class, 1));
    assertThat(failure).isInstanceOf(GradientMismatchError.class);
    assertThat(failure.getMessage()).doesNotContain("targets   :");
  }

  @Test
  void correctSoftmaxCrossEntropy_passesUnderTheDefaults() {
    for (long seed = 1; seed <= 5; seed++) {
      assertPasses(run(TargetKindTestCases.DefaultCorrect.class, seed), "seed " + seed);
    }
  }

  @Test
  void pinnedOneHotTargets_areOneHotOnEveryTry_soTheShortcutPasses() {
    for (long seed = 1; seed <= 3; seed++) {
      assertPasses(run(TargetKindTestCases.PinnedOneHotShortcut.class, seed), "seed " + seed);
    }
  }

  @Test
  void pinnedDistributionTargets_passTheCorrectModel() {
    for (long seed = 1; seed <= 3; seed++) {
      assertPasses(run(TargetKindTestCases.PinnedDistributionCorrect.class, seed), "seed " + seed);
    }
  }
}
