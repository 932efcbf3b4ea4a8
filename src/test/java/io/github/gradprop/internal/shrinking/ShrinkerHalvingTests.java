package io.github.gradprop.internal.shrinking;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gradprop.CheckOptions;
import io.github.gradprop.GradientCheckResult;
import io.github.gradprop.Gradients;
import io.github.gradprop.TargetKind;
import io.github.gradprop.ValueDistribution;
import io.github.gradprop.internal.check.DirectionalChecker;
import io.github.gradprop.internal.generation.CaseGenerator;
import io.github.gradprop.model.Case;
import io.github.gradprop.testmodels.TanhMlp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Shrinking of cases above {@link Shrinker#HALVING_ABOVE} parameters, where each dimension is first
 * cut in halves, against its twin below, where indices go one at a time. The check is the real one,
 * as the property runner's: along directions above the threshold, entry by entry at or below.
 */
class ShrinkerHalvingTests {

  private static final CheckOptions OPTIONS = CheckOptions.defaults();

  private static final String MINIMAL = "batch=1 in=1 hidden=1 out=1";

  /** A case of {@code model} drawn from {@code seed} at exactly these dims. */
  private static Case aCase(TanhMlp model, int batch, int in, int hidden, int out, long seed) {
    Map<String, int[]> ranges = new LinkedHashMap<>();
    ranges.put("batch", new int[] {batch, batch});
    ranges.put("in", new int[] {in, in});
    ranges.put("hidden", new int[] {hidden, hidden});
    ranges.put("out", new int[] {out, out});
    return new CaseGenerator(
            model.spec(), ranges, ValueDistribution.UNIFORM, 1.0, TargetKind.REAL, 0, null)
        .generate(seed);
  }

  /** The property runner's check while shrinking, counting the checks in each mode. */
  private static final class RealCheck implements Function<Case, GradientCheckResult> {
    private final TanhMlp model;
    private final long seed;
    int directional;
    int full;

    RealCheck(TanhMlp model, long seed) {
      this.model = model;
      this.seed = seed;
    }

    @Override
    public GradientCheckResult apply(Case c) {
      if (c.parameters().size() > Shrinker.HALVING_ABOVE) {
        directional++;
        return DirectionalChecker.check(model, c, OPTIONS, seed).asResult(OPTIONS);
      }
      full++;
      return Gradients.check(model, c, OPTIONS);
    }
  }

  private static Shrinker.Shrunk shrink(RealCheck check, Case c, Map<String, Integer> minDims) {
    GradientCheckResult original = check.apply(c);
    assertThat(original.passed()).as("the original fails").isFalse();
    return new Shrinker(
            check,
            minDims,
            () -> 0L, // a clock that stands still: the budget never runs out, counts are exact
            1,
            r -> !r.rejected(),
            TargetKind.REAL,
            null)
        .shrink(c, original);
  }

  /**
   * The checks single deletions need at least to bring {@code from} down to {@code to}: one
   * accepted deletion, so one check, per index deleted.
   */
  private static int singleDeletionsNeeded(Case from, Case to) {
    int n = 0;
    for (Map.Entry<String, Integer> e : from.dims().entrySet()) {
      n += e.getValue() - to.dim(e.getKey());
    }
    return n;
  }

  private static List<String> structuralSteps(Shrinker.Shrunk s) {
    return s.history().stream()
        .map(Shrinker.Step::description)
        .filter(d -> d.startsWith("deleted "))
        .toList();
  }

  @Test
  void aLargeCase_ofAMissingDerivative_isCutInHalves_toTheMinimalCase_inFewChecks() {
    TanhMlp model = new TanhMlp(TanhMlp.Bug.MISSING_DERIVATIVE);
    for (long seed = 1; seed <= 3; seed++) {
      // 300 * 20 + 5 * 20 = 6,100 parameters
      Case large = aCase(model, 4, 300, 20, 5, seed);
      assertThat(large.parameters().size()).isGreaterThan(Shrinker.HALVING_ABOVE);
      RealCheck check = new RealCheck(model, seed);

      Shrinker.Shrunk s = shrink(check, large, Map.of());

      assertThat(s.smallest().dimsText()).as("seed %d", seed).isEqualTo(MINIMAL);
      assertThat(s.outOfTime()).isFalse();
      assertThat(structuralSteps(s)).as("seed %d", seed).anyMatch(d -> d.contains(" indices "));
      assertThat(structuralSteps(s)).contains("deleted in indices 1..299");
      // one index at a time takes 3 + 299 + 19 + 4 = 325 accepted deletions, each a check
      assertThat(singleDeletionsNeeded(large, s.smallest())).isEqualTo(325);
      assertThat(s.checks()).as("seed %d: %s", seed, s.history()).isLessThan(100);
      assertThat(check.directional + check.full).isEqualTo(s.checks() + 1); // + the original
    }
  }

  @Test
  void aSmallCase_ofTheSameBug_shrinksOneIndexAtATime_toTheSameMinimalCase() {
    TanhMlp model = new TanhMlp(TanhMlp.Bug.MISSING_DERIVATIVE);
    for (long seed = 1; seed <= 3; seed++) {
      // 2 * 16 + 4 * 16 = 96 parameters, no dimension longer than 16
      Case small = aCase(model, 2, 2, 16, 4, seed);
      assertThat(small.parameters().size()).isLessThanOrEqualTo(Shrinker.HALVING_ABOVE);
      RealCheck check = new RealCheck(model, seed);

      Shrinker.Shrunk s = shrink(check, small, Map.of());

      assertThat(s.smallest().dimsText()).as("seed %d", seed).isEqualTo(MINIMAL);
      assertThat(structuralSteps(s))
          .as("seed %d", seed)
          .isNotEmpty()
          .allMatch(d -> d.matches("deleted \\w+ index \\d+"));
      assertThat(s.history()).noneMatch(step -> step.description().contains(" indices "));
      assertThat(structuralSteps(s)).hasSize(singleDeletionsNeeded(small, s.smallest()));
      assertThat(s.checks()).isGreaterThanOrEqualTo(singleDeletionsNeeded(small, s.smallest()));
      assertThat(check.directional).isZero();
    }
  }

  @Test
  void aSmallCase_withALongDimension_isCutInHalves_toTheSameMinimalCase() {
    TanhMlp model = new TanhMlp(TanhMlp.Bug.MISSING_DERIVATIVE);
    for (long seed = 1; seed <= 3; seed++) {
      // 2 * 200 + 4 * 200 = 1,200 parameters: small, but hidden is longer than 16
      Case small = aCase(model, 2, 2, 200, 4, seed);
      assertThat(small.parameters().size()).isLessThanOrEqualTo(Shrinker.HALVING_ABOVE);
      RealCheck check = new RealCheck(model, seed);

      Shrinker.Shrunk s = shrink(check, small, Map.of());

      assertThat(s.smallest().dimsText()).as("seed %d", seed).isEqualTo(MINIMAL);
      assertThat(structuralSteps(s)).anyMatch(d -> d.startsWith("deleted hidden indices "));
      // one index at a time takes 1 + 1 + 199 + 3 = 204 accepted deletions, each a check
      assertThat(singleDeletionsNeeded(small, s.smallest())).isEqualTo(204);
      assertThat(s.checks()).as("seed %d: %s", seed, s.history()).isLessThan(60);
      assertThat(check.directional).isZero();
    }
  }

  @Test
  void aLargeCase_ofABugThatNeedsTwoHiddenUnits_isCutInHalves_downToHiddenTwo() {
    TanhMlp model = new TanhMlp(TanhMlp.Bug.SWAP_HIDDEN_0_AND_1);
    for (long seed = 1; seed <= 3; seed++) {
      // in stays at 40 (its minimum here), so hidden is cut while the case is large:
      // 40 * 300 + 300 = 12,300 parameters, 3,075 at hidden = 75
      Case large = aCase(model, 2, 40, 300, 1, seed);
      RealCheck check = new RealCheck(model, seed);

      Shrinker.Shrunk s = shrink(check, large, Map.of("in", 40));

      assertThat(s.smallest().dimsText())
          .as("seed %d: %s", seed, s.history())
          .isEqualTo("batch=1 in=40 hidden=2 out=1");
      // cutting hidden to its minimum of 1 loses the bug; a half keeps it
      assertThat(structuralSteps(s)).anyMatch(d -> d.startsWith("deleted hidden indices "));
      assertThat(structuralSteps(s)).doesNotContain("deleted hidden indices 1..299");
      assertThat(s.result().failures()).extracting(e -> e.tensor()).containsOnly("w1");
    }
  }

  @Test
  void theCorrectModel_onEveryStartingCaseOfTheseTests_passes_soThereIsNothingToShrink() {
    TanhMlp model = new TanhMlp(TanhMlp.Bug.NONE);
    int[][] shapes = {
      {4, 300, 20, 5}, {2, 2, 16, 4}, {2, 2, 200, 4}, {2, 40, 300, 1}, {4, 20, 300, 5}
    };
    for (int[] shape : shapes) {
      for (long seed = 1; seed <= 3; seed++) {
        Case large = aCase(model, shape[0], shape[1], shape[2], shape[3], seed);
        GradientCheckResult real = new RealCheck(model, seed).apply(large);
        assertThat(real.passed()).as("seed %d: %s", seed, real.failures()).isTrue();
        GradientCheckResult full = Gradients.check(model, large, OPTIONS);
        assertThat(full.passed()).as("seed %d:%n%s", seed, full.report()).isTrue();
        assertThat(full.checkedEntries()).isEqualTo(large.parameters().size());
      }
    }
  }

  @Test
  void aLargeCase_withHiddenLargest_isCutInHalves_inFewChecks() {
    TanhMlp model = new TanhMlp(TanhMlp.Bug.MISSING_DERIVATIVE);
    long seed = 7;
    Case large = aCase(model, 4, 20, 300, 5, seed);
    Shrinker.Shrunk s = shrink(new RealCheck(model, seed), large, Map.of());
    assertThat(s.smallest().dimsText()).isEqualTo(MINIMAL);
    // one index at a time: 3 + 19 + 299 + 4 = 325 checks
    assertThat(s.checks()).as("%s", structuralSteps(s).subList(0, 3)).isLessThan(100);
  }
}
