package io.github.gradprop.internal.generation;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gradprop.TargetKind;
import io.github.gradprop.ValueDistribution;
import io.github.gradprop.model.Case;
import io.github.gradprop.model.ModelSpec;
import io.github.gradprop.model.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CaseGeneratorTests {

  private static final ModelSpec SPEC =
      ModelSpec.named("net")
          .inputs("batch", "in")
          .parameter("w1", "hidden", "in + 1")
          .targets("batch", "out");

  private static Map<String, int[]> ranges(int min, int max) {
    Map<String, int[]> r = new LinkedHashMap<>();
    for (String d : SPEC.dims()) {
      r.put(d, new int[] {min, max});
    }
    return r;
  }

  private static CaseGenerator generator(TargetKind targets, double edge) {
    return new CaseGenerator(
        SPEC, ranges(1, 5), ValueDistribution.UNIFORM, 1.0, targets, edge, null);
  }

  @Test
  void sameSeed_sameCase_differentSeed_differentCase() {
    Case a = generator(TargetKind.REAL, 0.2).generate(42);
    Case b = generator(TargetKind.REAL, 0.2).generate(42);
    Case c = generator(TargetKind.REAL, 0.2).generate(43);
    assertThat(a.dims()).isEqualTo(b.dims());
    for (int t = 0; t < a.tensors().size(); t++) {
      assertThat(a.tensors().get(t).toArray()).containsExactly(b.tensors().get(t).toArray());
    }
    assertThat(c.tensors().get(1).toArray()).isNotEqualTo(a.tensors().get(1).toArray());
  }

  @Test
  void dimensionsStayInTheirRanges_andCoverThem() {
    int[] seen = new int[6];
    long seed = 1;
    for (int i = 0; i < 300; i++) {
      Case c = generator(TargetKind.REAL, 0).generate(seed);
      for (int v : c.dims().values()) {
        assertThat(v).isBetween(1, 5);
        seen[v]++;
      }
      seed = Seeds.next(seed);
    }
    assertThat(seen).containsOnlyOnce(0); // only index 0 is never hit
  }

  @Test
  void targetKinds_produceValidTargets() {
    long seed = 7;
    for (int i = 0; i < 100; i++, seed = Seeds.next(seed)) {
      Tensor oneHot = generator(TargetKind.ONE_HOT, 0.5).generate(seed).batch().targetTensor();
      int classes = oneHot.shape(1);
      for (int row = 0; row < oneHot.shape(0); row++) {
        double sum = 0;
        for (int k = 0; k < classes; k++) {
          double v = oneHot.get(row * classes + k);
          assertThat(v).isIn(0.0, 1.0);
          sum += v;
        }
        assertThat(sum).isEqualTo(1.0);
      }
      for (double v :
          generator(TargetKind.BINARY, 0.5).generate(seed).batch().targetTensor().toArray()) {
        assertThat(v).isIn(0.0, 1.0);
      }
      for (double v :
          generator(TargetKind.PROBABILITY, 0.5).generate(seed).batch().targetTensor().toArray()) {
        assertThat(v).isBetween(0.0, 1.0);
      }
    }
  }

  @Test
  void classIndexTargets_areIntegerLabelsBelowTheClassCount_andCoverIt() {
    CaseGenerator g =
        new CaseGenerator(
            SPEC, ranges(1, 5), ValueDistribution.UNIFORM, 1.0, TargetKind.CLASS_INDEX, 0.5, "out");
    boolean[] seen = new boolean[5];
    long seed = 9;
    for (int i = 0; i < 100; i++, seed = Seeds.next(seed)) {
      Case c = g.generate(seed);
      for (double label : c.batch().targetTensor().toArray()) {
        assertThat(label).isEqualTo(Math.rint(label)).isBetween(0.0, c.dim("out") - 1.0);
        seen[(int) label] = true;
      }
    }
    assertThat(seen).containsOnly(true);
  }

  @Test
  void edgeCases_mixInExactZerosAndTies_andOrdinaryCasesDoNot() {
    CaseGenerator always = generator(TargetKind.REAL, 1.0);
    CaseGenerator never = generator(TargetKind.REAL, 0.0);
    int zerosWithEdges = 0;
    int zerosWithout = 0;
    long seed = 3;
    for (int i = 0; i < 200; i++, seed = Seeds.next(seed)) {
      for (double v : always.generate(seed).parameters().tensor("w1").toArray()) {
        zerosWithEdges += v == 0.0 ? 1 : 0;
      }
      for (double v : never.generate(seed).parameters().tensor("w1").toArray()) {
        zerosWithout += v == 0.0 ? 1 : 0;
      }
    }
    assertThat(zerosWithEdges).isGreaterThan(20);
    assertThat(zerosWithout).isZero();
  }

  @Test
  void theShareOfEdgeCases_isTheShareAskedFor() {
    for (double share : new double[] {0.0, 0.2, 0.5, 0.8, 1.0}) {
      CaseGenerator g = generator(TargetKind.REAL, share);
      int edge = 0;
      long seed = 17;
      for (int i = 0; i < 2000; i++, seed = Seeds.next(seed)) {
        edge += g.isEdgeCase(seed) ? 1 : 0;
      }
      assertThat(edge / 2000.0)
          .as("share %s", share)
          .isCloseTo(share, org.assertj.core.data.Offset.offset(0.04));
    }
  }

  @Test
  void uniformValuesStayWithinTheScale() {
    CaseGenerator g =
        new CaseGenerator(
            SPEC, ranges(1, 5), ValueDistribution.UNIFORM, 0.25, TargetKind.REAL, 0, null);
    for (double v : g.generate(5).parameters().tensor("w1").toArray()) {
      assertThat(Math.abs(v)).isLessThanOrEqualTo(0.25);
    }
  }

  @Test
  void scalarTensors_areGenerated_withFanInOne_andOneHotScalarTargetsAreOne() {
    ModelSpec scalars =
        ModelSpec.named("scalar bias and target").inputs("batch", "in").parameter("b").targets();
    Map<String, int[]> r = new LinkedHashMap<>();
    r.put("batch", new int[] {1, 3});
    r.put("in", new int[] {1, 3});
    CaseGenerator fanIn =
        new CaseGenerator(
            scalars, r, ValueDistribution.NORMAL_FAN_IN, 1.0, TargetKind.ONE_HOT, 0.5, null);
    for (long seed = 1; seed <= 20; seed++) {
      Case c = fanIn.generate(seed);
      assertThat(c.parameters().tensor("b").rank()).isZero();
      assertThat(c.parameters().tensor("b").size()).isEqualTo(1);
      assertThat(c.batch().targetTensor().toArray()).containsExactly(1.0);
    }
  }

  @Test
  void seedSequence_isDeterministic_andNeverZero() {
    assertThat(Seeds.next(1)).isEqualTo(Seeds.next(1)).isNotEqualTo(Seeds.next(2)).isNotZero();
    assertThat(Seeds.fresh()).isPositive();
  }

  private static CaseGenerator unpinned(TargetKind targets) {
    return new CaseGenerator(
        SPEC, ranges(1, 5), ValueDistribution.UNIFORM, 1.0, targets, 0.2, null, false);
  }

  /** Whether every row along the last axis of {@code t} is one-hot. */
  private static boolean oneHot(Tensor t) {
    int classes = t.shape(t.rank() - 1);
    for (int row = 0; row < t.size() / classes; row++) {
      int ones = 0;
      for (int j = 0; j < classes; j++) {
        double v = t.get(row * classes + j);
        if (v != 0.0 && v != 1.0) {
          return false;
        }
        ones += v == 1.0 ? 1 : 0;
      }
      if (ones != 1) {
        return false;
      }
    }
    return true;
  }

  @Test
  void oneHotNotWritten_aQuarterOfTriesDrawDistributionRows_thatSumToOne() {
    CaseGenerator g = unpinned(TargetKind.ONE_HOT);
    int general = 0;
    long seed = 7;
    for (int i = 0; i < 400; i++) {
      Case c = g.generate(seed);
      Tensor y = c.batch().targetTensor();
      TargetKind kind = g.targetsOf(seed);
      if (kind == TargetKind.DISTRIBUTION) {
        general++;
        int classes = y.shape(1);
        for (int row = 0; row < y.size() / classes; row++) {
          double sum = 0;
          for (int j = 0; j < classes; j++) {
            assertThat(y.get(row * classes + j)).isBetween(0.0, 1.0);
            sum += y.get(row * classes + j);
          }
          assertThat(sum).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-12));
        }
      } else {
        assertThat(kind).isEqualTo(TargetKind.ONE_HOT);
        assertThat(oneHot(y)).isTrue();
      }
      seed = Seeds.next(seed);
    }
    assertThat(general).isBetween(70, 130);
  }

  @Test
  void generalTargets_changeOnlyTheTargets_ofTheSameSeed() {
    long seed = 7;
    while (unpinned(TargetKind.ONE_HOT).targetsOf(seed) != TargetKind.DISTRIBUTION) {
      seed = Seeds.next(seed);
    }
    Case widened = unpinned(TargetKind.ONE_HOT).generate(seed);
    Case pinned = generator(TargetKind.ONE_HOT, 0.2).generate(seed);
    assertThat(widened.dims()).isEqualTo(pinned.dims());
    assertThat(widened.parameters().tensors().get(0).toArray())
        .containsExactly(pinned.parameters().tensors().get(0).toArray());
    assertThat(widened.batch().inputTensor().toArray())
        .containsExactly(pinned.batch().inputTensor().toArray());
    assertThat(oneHot(pinned.batch().targetTensor())).isTrue();
  }

  @Test
  void pinnedKinds_andKindsWithoutAMoreGeneralOne_areNeverWidened() {
    long seed = 7;
    for (int i = 0; i < 200; i++) {
      assertThat(CaseGenerator.targetsOf(seed, TargetKind.ONE_HOT, true))
          .isEqualTo(TargetKind.ONE_HOT);
      assertThat(CaseGenerator.targetsOf(seed, TargetKind.REAL, false)).isEqualTo(TargetKind.REAL);
      assertThat(CaseGenerator.targetsOf(seed, TargetKind.BINARY, false))
          .isIn(TargetKind.BINARY, TargetKind.PROBABILITY);
      seed = Seeds.next(seed);
    }
  }
}
