package io.github.gradprop.internal.shrinking;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gradprop.model.Case;
import io.github.gradprop.model.ModelSpec;
import org.junit.jupiter.api.Test;

class CaseEditsTests {

  private static final ModelSpec SPEC =
      ModelSpec.named("two layers with bias columns")
          .inputs("batch", "in")
          .parameter("w1", "hidden", "in + 1")
          .parameter("w2", "out", "hidden + 1")
          .targets("batch", "out");

  private static Case numbered() {
    Case c =
        Case.builder(SPEC)
            .inputs(new double[][] {{1, 2}, {3, 4}})
            .parameter("w1", new double[][] {{10, 11, 12}, {20, 21, 22}, {30, 31, 32}})
            .parameter("w2", new double[][] {{100, 101, 102, 103}})
            .targets(new double[][] {{7}, {8}})
            .build();
    return c;
  }

  @Test
  void deletingAHiddenUnit_removesItsRowOfW1_andItsColumnOfW2_keepingTheBiasColumn() {
    Case c = CaseEdits.deleteIndex(numbered(), "hidden", 1);
    assertThat(c.dims()).containsEntry("hidden", 2);
    assertThat(c.parameters().matrix("w1"))
        .isDeepEqualTo(new double[][] {{10, 11, 12}, {30, 31, 32}});
    assertThat(c.parameters().matrix("w2")).isDeepEqualTo(new double[][] {{100, 102, 103}});
    assertThat(c.batch().inputs()).isDeepEqualTo(new double[][] {{1, 2}, {3, 4}});
  }

  @Test
  void deletingAnInput_removesItsColumnOfTheInputs_andOfW1() {
    Case c = CaseEdits.deleteIndex(numbered(), "in", 0);
    assertThat(c.batch().inputs()).isDeepEqualTo(new double[][] {{2}, {4}});
    assertThat(c.parameters().matrix("w1"))
        .isDeepEqualTo(new double[][] {{11, 12}, {21, 22}, {31, 32}});
  }

  @Test
  void deletingABatchRow_removesTheInputRow_andItsTarget() {
    Case c = CaseEdits.deleteIndex(numbered(), "batch", 0);
    assertThat(c.batch().inputs()).isDeepEqualTo(new double[][] {{3, 4}});
    assertThat(c.batch().targets()).isDeepEqualTo(new double[][] {{8}});
    assertThat(c.parameters().matrix("w1")).isDeepEqualTo(numbered().parameters().matrix("w1"));
  }

  @Test
  void editsLeaveTheOriginalCaseUntouched() {
    Case original = numbered();
    CaseEdits.deleteIndex(original, "hidden", 0);
    CaseEdits.withValue(original, 1, 0, 0.0);
    assertThat(original.parameters().matrix("w1")[0][0]).isEqualTo(10);
    assertThat(original.dims()).containsEntry("hidden", 3);
  }

  @Test
  void anAxisOfStackedBlocks_losesTheUnitFromEveryBlock() {
    ModelSpec gates =
        ModelSpec.named("gates").inputs("batch", "in").parameter("w", "2 * hidden", "in");
    Case c =
        Case.builder(gates)
            .inputs(new double[][] {{1}})
            .parameter("w", new double[][] {{10}, {11}, {12}, {20}, {21}, {22}})
            .dim("hidden", 3)
            .build();
    Case smaller = CaseEdits.deleteIndex(c, "hidden", 1);
    assertThat(smaller.parameters().matrix("w"))
        .isDeepEqualTo(new double[][] {{10}, {12}, {20}, {22}});
  }

  @Test
  void stackedBlocksFollowedByExtras_keepTheExtras() {
    ModelSpec gates =
        ModelSpec.named("gates with bias").inputs("batch", "in").parameter("w", "2 * hidden + 1");
    Case c =
        Case.builder(gates)
            .inputs(new double[][] {{1}})
            .parameter("w", new double[] {10, 11, 20, 21, 99})
            .dim("hidden", 2)
            .build();
    assertThat(CaseEdits.deleteIndex(c, "hidden", 0).parameters().vector("w"))
        .containsExactly(11, 21, 99);
  }

  @Test
  void deletingAClass_relabelsClassIndexTargets() {
    ModelSpec labels =
        ModelSpec.named("labels")
            .inputs("batch", "in")
            .parameter("w", "out", "in")
            .targets("batch");
    Case c =
        Case.builder(labels)
            .inputs(new double[][] {{1}, {1}, {1}})
            .parameter("w", new double[][] {{1}, {2}, {3}})
            .targets(new double[] {0, 1, 2})
            .build();
    Case smaller = CaseEdits.deleteClass(CaseEdits.deleteIndex(c, "out", 1), 1);
    assertThat(smaller.batch().targetTensor().toArray()).containsExactly(0, 0, 1);
    assertThat(smaller.parameters().matrix("w")).isDeepEqualTo(new double[][] {{1}, {3}});
  }

  @Test
  void deletingTheHotClass_movesTheOneToTheFirstClass() {
    Case c = numbered(); // targets {{7}, {8}} with out = 1; use a spec with two classes instead
    ModelSpec twoClasses =
        ModelSpec.named("softmax")
            .inputs("batch", "in")
            .parameter("w", "out", "in")
            .targets("batch", "out");
    Case oneHot =
        Case.builder(twoClasses)
            .inputs(new double[][] {{1}, {2}})
            .parameter("w", new double[][] {{1}, {2}})
            .targets(new double[][] {{0, 1}, {1, 0}})
            .build();
    Case smaller = CaseEdits.keepOneHot(CaseEdits.deleteIndex(oneHot, "out", 1));
    assertThat(smaller.batch().targets()).isDeepEqualTo(new double[][] {{1}, {1}});
    assertThat(c.dims()).containsEntry("out", 1);
  }

  @Test
  void anAxisOfInterleavedGroups_losesTheUnitsNeighbours() {
    ModelSpec pairs =
        ModelSpec.named("pairs").inputs("batch", "in").parameter("w", "2 * units", "in");
    Case c =
        Case.builder(pairs)
            .inputs(new double[][] {{1}})
            .parameter("w", new double[][] {{10}, {11}, {20}, {21}, {30}, {31}})
            .dim("units", 3)
            .build();
    assertThat(CaseEdits.hasGroupedAxis(c, "units")).isTrue();
    assertThat(CaseEdits.deleteIndex(c, "units", 1, true).parameters().matrix("w"))
        .isDeepEqualTo(new double[][] {{10}, {11}, {30}, {31}});
    assertThat(CaseEdits.hasGroupedAxis(numbered(), "hidden")).isFalse();
  }
}
