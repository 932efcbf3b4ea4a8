package io.github.gradprop.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CaseTests {

  /** The seed network: bias columns as "in + 1" and "hidden + 1". */
  static final ModelSpec BIAS_COLUMNS =
      ModelSpec.named("two-layer, bias columns")
          .inputs("batch", "in")
          .parameter("w1", "hidden", "in + 1")
          .parameter("w2", "out", "hidden + 1")
          .targets("batch", "out");

  static double[][] filled(int rows, int cols, double start) {
    double[][] m = new double[rows][cols];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        m[r][c] = start + r * cols + c;
      }
    }
    return m;
  }

  @Nested
  class InferringDimensions {

    @Test
    void dims_areReadOffTheArrayShapes_includingBiasColumns() {
      Case c =
          Case.builder(BIAS_COLUMNS)
              .parameter("w1", filled(3, 5, 0))
              .parameter("w2", filled(2, 4, 0))
              .inputs(filled(6, 4, 0))
              .targets(filled(6, 2, 0))
              .build();

      assertThat(c.dims())
          .containsExactly(entry("batch", 6), entry("in", 4), entry("hidden", 3), entry("out", 2));
      assertThat(c.dimsText()).isEqualTo("batch=6 in=4 hidden=3 out=2");
    }

    @Test
    void aDimensionSeenOnlyAs_hiddenPlusOne_isSolvedFor() {
      ModelSpec spec =
          ModelSpec.named("hidden only with bias")
              .inputs("batch", "in")
              .parameter("w2", "out", "hidden + 1")
              .targets("batch", "out");

      Case c =
          Case.builder(spec)
              .parameter("w2", filled(2, 8, 0))
              .inputs(filled(1, 3, 0))
              .targets(filled(1, 2, 0))
              .build();

      assertThat(c.dim("hidden")).isEqualTo(7);
    }

    @Test
    void aRankOneParameter_revealsItsDimension() {
      ModelSpec spec = ModelSpec.named("vector").inputs("batch", "in").parameter("v", "hidden");

      Case c =
          Case.builder(spec)
              .parameter("v", new double[] {1, 2, 3, 4})
              .inputs(filled(2, 3, 0))
              .build();

      assertThat(c.dim("hidden")).isEqualTo(4);
      assertThat(c.parameters().vector("v")).containsExactly(1, 2, 3, 4);
    }

    @Test
    void aDimensionNoArrayReveals_isAnError_thatSaysHowToGiveIt() {
      ModelSpec spec =
          ModelSpec.named("flat mlp")
              .inputs("batch", "in")
              .parameter("w1", "hidden", "in + 1")
              .parameter("w2", "out", "hidden + 1")
              .targets("batch", "out");

      assertThatThrownBy(
              () ->
                  Case.builder(spec)
                      .parameters(new double[21]) // 3 * hidden + 2 * (hidden + 1) is never 21
                      .inputs(filled(1, 2, 0))
                      .targets(filled(1, 2, 0))
                      .build())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "Model `flat mlp`: cannot tell dimension `hidden` from the arrays given;"
                  + " add .dim(\"hidden\", n)");
    }

    @Test
    void oneDimensionMissing_isReadOffTheFlatVectorsLength() {
      ModelSpec spec =
          ModelSpec.named("flat mlp")
              .inputs("batch", "in")
              .parameter("w1", "hidden", "in + 1")
              .parameter("w2", "out", "hidden + 1")
              .targets("batch", "out");

      Case c =
          Case.builder(spec)
              .parameters(new double[3 * 4 + 2 * 5]) // in=2, out=2: 3 * hidden + 2 * (hidden + 1)
              .inputs(filled(1, 2, 0))
              .targets(filled(1, 2, 0))
              .build();

      assertThat(c.dims()).containsEntry("hidden", 4);
    }

    @Test
    void theSameCase_withTheDimensionGiven_builds() {
      ModelSpec spec = BIAS_COLUMNS;

      Case c =
          Case.builder(spec)
              .dim("hidden", 3)
              .parameters(new double[3 * 4 + 2 * 4])
              .inputs(filled(1, 3, 0))
              .targets(filled(1, 2, 0))
              .build();

      assertThat(c.dims())
          .containsExactly(entry("batch", 1), entry("in", 3), entry("hidden", 3), entry("out", 2));
    }

    @Test
    void anOddSize_forATwiceAxis_cannotBeInferred() {
      ModelSpec spec = ModelSpec.named("doubled").inputs("batch", "2 * half");

      assertThatThrownBy(() -> Case.builder(spec).inputs(filled(1, 5, 0)).build())
          .hasMessageContaining("cannot tell dimension `half`");
      assertThat(Case.builder(spec).inputs(filled(1, 6, 0)).build().dim("half")).isEqualTo(3);
    }

    @Test
    void anExplicitDimension_thatContradictsAnArray_isAShapeErrorNamingTheTensor() {
      assertThatThrownBy(
              () ->
                  Case.builder(BIAS_COLUMNS)
                      .dim("in", 5)
                      .parameter("w1", filled(3, 5, 0))
                      .parameter("w2", filled(2, 4, 0))
                      .inputs(filled(6, 4, 0))
                      .targets(filled(6, 2, 0))
                      .build())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("Tensor `w1` of shape [3, 6] needs 6 columns, but row 0 has 5");
    }

    @Test
    void anUnknownDimension_isRejected_withTheKnownOnes() {
      assertThatThrownBy(() -> Case.builder(BIAS_COLUMNS).dim("depth", 2))
          .hasMessage(
              "Model `two-layer, bias columns` has no dimension `depth`;"
                  + " known: [batch, in, hidden, out]");
    }
  }

  @Nested
  class ShapeErrors {

    @Test
    void aRaggedRow_isNamedWithTensorAndRow() {
      double[][] w1 = filled(3, 5, 0);
      w1[2] = new double[4];

      assertThatThrownBy(
              () ->
                  Case.builder(BIAS_COLUMNS)
                      .parameter("w1", w1)
                      .parameter("w2", filled(2, 4, 0))
                      .inputs(filled(6, 4, 0))
                      .targets(filled(6, 2, 0))
                      .build())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("Tensor `w1` of shape [3, 5] needs 5 columns, but row 2 has 4");
    }

    @Test
    void aNullRow_isNamedWithTensorAndRow() {
      double[][] x = filled(6, 4, 0);
      x[3] = null;

      assertThatThrownBy(
              () ->
                  Case.builder(BIAS_COLUMNS)
                      .parameter("w1", filled(3, 5, 0))
                      .parameter("w2", filled(2, 4, 0))
                      .inputs(x)
                      .targets(filled(6, 2, 0))
                      .build())
          .hasMessage("Tensor `inputs` of shape [6, 4] needs 4 columns, but row 3 has null");
    }

    @Test
    void tooFewRows_areNamedWithTensorAndCounts() {
      assertThatThrownBy(
              () ->
                  Case.builder(BIAS_COLUMNS)
                      .parameter("w1", filled(3, 5, 0))
                      .parameter("w2", filled(2, 4, 0))
                      .inputs(filled(6, 4, 0))
                      .targets(filled(5, 2, 0))
                      .build())
          .hasMessage("Tensor `targets` of shape [6, 2] needs 6 rows, but 5 were given");
    }

    @Test
    void aMissingTensor_isNamed() {
      assertThatThrownBy(
              () ->
                  Case.builder(BIAS_COLUMNS)
                      .dim("out", 2)
                      .parameter("w1", filled(3, 5, 0))
                      .inputs(filled(6, 4, 0))
                      .targets(filled(6, 2, 0))
                      .build())
          .hasMessage("Model `two-layer, bias columns`: no values given for `w2`");
    }

    @Test
    void anUnknownParameter_isNamed() {
      assertThatThrownBy(() -> Case.builder(BIAS_COLUMNS).parameter("w3", filled(1, 1, 0)))
          .hasMessage("Model `two-layer, bias columns` has no parameter `w3`");
    }

    @Test
    void targets_forAModelWithout_areRejected() {
      ModelSpec noTargets = ModelSpec.named("unsupervised").inputs("batch", "in");

      assertThatThrownBy(() -> Case.builder(noTargets).targets(filled(1, 1, 0)))
          .hasMessage("Model `unsupervised` declares no targets(...)");
    }

    @Test
    void aFlatVectorOfTheWrongLength_saysBothLengths() {
      assertThatThrownBy(
              () ->
                  Case.builder(BIAS_COLUMNS)
                      .dim("hidden", 3)
                      .parameters(new double[19])
                      .inputs(filled(1, 3, 0))
                      .targets(filled(1, 2, 0))
                      .build())
          .hasMessage(
              "Model `two-layer, bias columns`: the flat parameter vector needs 20 entries for"
                  + " batch=1 in=3 hidden=3 out=2 ([w1[hidden, in + 1], w2[out, hidden + 1]]),"
                  + " but has 19");
    }
  }

  @Nested
  class Contents {

    @Test
    void aFlatVector_fillsTensorsInDeclarationOrder_rowMajor() {
      double[] flat = new double[3 * 4 + 2 * 4];
      for (int i = 0; i < flat.length; i++) {
        flat[i] = i;
      }

      Case c =
          Case.builder(BIAS_COLUMNS)
              .dim("hidden", 3)
              .parameters(flat)
              .inputs(filled(1, 3, 0))
              .targets(filled(1, 2, 0))
              .build();

      assertThat(c.parameters().matrix("w1"))
          .isDeepEqualTo(new double[][] {{0, 1, 2, 3}, {4, 5, 6, 7}, {8, 9, 10, 11}});
      assertThat(c.parameters().matrix("w2"))
          .isDeepEqualTo(new double[][] {{12, 13, 14, 15}, {16, 17, 18, 19}});
    }

    @Test
    void theBuilder_copiesTheArrays() {
      double[][] x = filled(1, 3, 0);
      Case c = Case.builder(ModelSpec.named("m").inputs("batch", "in")).inputs(x).build();

      x[0][0] = 99;

      assertThat(c.batch().inputs()[0][0]).isZero();
    }

    @Test
    void tensors_areInputsThenParametersThenTargets() {
      Case c = Case.zeros(BIAS_COLUMNS, Map.of("batch", 1, "in", 2, "hidden", 3, "out", 1));

      assertThat(c.tensors())
          .extracting(Tensor::name)
          .containsExactly("inputs", "w1", "w2", "targets");
      assertThat(c.parameters().tensor("w1").shape()).containsExactly(3, 3);
      assertThat(c.parameters().tensor("w2").shape()).containsExactly(1, 4);
    }

    @Test
    void copy_isDeep() {
      Case c = Case.zeros(BIAS_COLUMNS, Map.of("batch", 1, "in", 2, "hidden", 3, "out", 1));
      Case copy = c.copy();

      copy.parameters().matrix("w1")[0][0] = 1;
      copy.batch().inputs()[0][0] = 1;
      copy.batch().targets()[0][0] = 1;

      assertThat(c.parameters().matrix("w1")[0][0]).isZero();
      assertThat(c.batch().inputs()[0][0]).isZero();
      assertThat(c.batch().targets()[0][0]).isZero();
      assertThat(copy.dims()).isEqualTo(c.dims());
    }

    @Test
    void zeros_rejectsAMissingOrNonPositiveDimension() {
      assertThatThrownBy(() -> Case.zeros(BIAS_COLUMNS, Map.of("batch", 1, "in", 2, "out", 1)))
          .hasMessage("Model `two-layer, bias columns`: no value for dimension `hidden`");
      assertThatThrownBy(
              () -> Case.zeros(BIAS_COLUMNS, Map.of("batch", 1, "in", 0, "hidden", 3, "out", 1)))
          .hasMessage("Model `two-layer, bias columns`: dimension `in` must be >= 1, but was 0");
    }

    @Test
    void dim_ofAnUnknownName_listsTheKnownOnes() {
      Case c = Case.zeros(BIAS_COLUMNS, Map.of("batch", 1, "in", 2, "hidden", 3, "out", 1));

      assertThatThrownBy(() -> c.dim("depth"))
          .hasMessage("No dimension `depth`; known: [batch, in, hidden, out]");
    }

    @Test
    void dimOrder_changesTheReportOrder() {
      ModelSpec spec = BIAS_COLUMNS.dimOrder("hidden", "batch");

      Case c = Case.zeros(spec, Map.of("batch", 1, "in", 2, "hidden", 3, "out", 1));

      assertThat(c.dimsText()).isEqualTo("hidden=3 batch=1 in=2 out=1");
    }

    @Test
    void aModelWithoutTargets_hasNoTargetTensor() {
      Case c = Case.zeros(ModelSpec.named("m").inputs("batch", "in"), Map.of("batch", 1, "in", 2));

      assertThat(c.batch().hasTargets()).isFalse();
      assertThatThrownBy(() -> c.batch().targets()).isInstanceOf(IllegalStateException.class);
      assertThat(c.tensors()).extracting(Tensor::name).containsExactly("inputs");
    }
  }

  @Nested
  class OtherRanks {

    private final ModelSpec conv =
        ModelSpec.named("conv1d")
            .inputs("batch", "channels", "length")
            .parameter("kernel", "out", "channels", "width")
            .parameter("bias", "out")
            .targets("batch", "out", "length - width + 1");

    private final ModelSpec logistic =
        ModelSpec.named("logistic")
            .inputs("batch", "in")
            .parameter("w", "in")
            .parameter("b")
            .targets("batch");

    @Test
    void rank3Arrays_giveTheirDims_andTheirValuesRowMajor() {
      Case c =
          Case.builder(conv)
              .inputs(new double[][][] {{{1, 2, 3}, {4, 5, 6}}})
              .parameter("kernel", new double[][][] {{{7, 8}, {9, 10}}})
              .parameter("bias", new double[] {0.5})
              .targets(new double[][][] {{{-1, 1}}})
              .build();
      assertThat(c.dimsText()).isEqualTo("batch=1 channels=2 length=3 out=1 width=2");
      assertThat(c.batch().inputTensor().toArray()).containsExactly(1, 2, 3, 4, 5, 6);
      assertThat(c.parameters().vector("kernel")).containsExactly(7, 8, 9, 10);
      assertThat(c.batch().targetTensor().toArray()).containsExactly(-1, 1);
    }

    @Test
    void aScalarParameter_andRank1Targets_canBeGiven_asTheReportPrintsThem() {
      Case c =
          Case.builder(logistic)
              .inputs(new double[][] {{0.0}, {0.0}})
              .parameter("w", new double[] {0.0})
              .parameter("b", 0.25)
              .targets(new double[] {1.0, 0.0})
              .build();
      assertThat(c.dimsText()).isEqualTo("batch=2 in=1");
      assertThat(c.parameters().tensor("b").get(0)).isEqualTo(0.25);
      assertThat(c.batch().targetTensor().toArray()).containsExactly(1.0, 0.0);
    }

    @Test
    void aRaggedOrMisfittingRank3Array_isRejected_namingTheTensor() {
      assertThatThrownBy(
              () ->
                  Case.builder(conv)
                      .inputs(new double[][][] {{{1, 2, 3}, {4, 5}}})
                      .parameter("kernel", new double[][][] {{{7, 8}, {9, 10}}})
                      .parameter("bias", new double[] {0.5})
                      .targets(new double[][][] {{{-1, 1}}})
                      .dim("batch", 1)
                      .dim("length", 3)
                      .build())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("`inputs`")
          .hasMessageContaining("ragged");
      assertThatThrownBy(
              () ->
                  Case.builder(conv)
                      .inputs(new double[][][] {{{1, 2, 3}, {4, 5, 6}}})
                      .parameter("kernel", new double[][][] {{{7, 8}, {9, 10}}})
                      .parameter("bias", new double[] {0.5})
                      .targets(new double[][][] {{{-1, 1}}, {{0, 0}}})
                      .build())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("`targets` has shape [1, 1, 2]")
          .hasMessageContaining("[2, 1, 2]");
    }

    @Test
    void aSingleDouble_fitsOnlyAScalarParameter() {
      assertThatThrownBy(
              () ->
                  Case.builder(logistic)
                      .inputs(new double[][] {{0.0}})
                      .parameter("w", 1.0)
                      .parameter("b", 0.0)
                      .targets(new double[] {1.0})
                      .build())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("Tensor `w` has shape [1]; a single double fits only a scalar");
    }
  }

  @org.junit.jupiter.api.Test
  void rank4InputsAndParameters_buildFromNestedArrays_withDimsReadOffTheirShapes() {
    ModelSpec conv2d =
        ModelSpec.named("conv2d")
            .inputs("batch", "channels", "height", "width")
            .parameter("k", "out", "channels", "kh", "kw");
    double[][][][] x = {{{{1, 2, 3}, {4, 5, 6}}}};
    double[][][][] k = {{{{0.5}}}, {{{-1}}}};

    Case c = Case.builder(conv2d).inputs(x).parameter("k", k).build();

    org.assertj.core.api.Assertions.assertThat(c.dimsText())
        .isEqualTo("batch=1 channels=1 height=2 width=3 out=2 kh=1 kw=1");
    org.assertj.core.api.Assertions.assertThat(c.batch().inputTensor().toArray())
        .containsExactly(1, 2, 3, 4, 5, 6);
    org.assertj.core.api.Assertions.assertThat(c.parameters().tensor("k").toArray())
        .containsExactly(0.5, -1);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                Case.builder(conv2d)
                    .inputs(new double[][][][] {{{{1, 2}, {3}}}})
                    .parameter("k", k)
                    .build())
        .hasMessageContaining("not rectangular");
  }
}
