package io.github.gradprop.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ParametersTests {

  static final ModelSpec MLP =
      ModelSpec.named("mlp")
          .inputs("batch", "in")
          .parameter("w1", "hidden", "in")
          .parameter("b1", "hidden")
          .parameter("w2", "out", "hidden")
          .targets("batch", "out");

  static final Map<String, Integer> DIMS = Map.of("batch", 1, "in", 3, "hidden", 2, "out", 4);

  static Parameters matrices() {
    return Case.zeros(MLP, DIMS).parameters();
  }

  static Parameters flat() {
    return Case.zeros(MLP.layout(ParameterLayout.FLAT), DIMS).parameters();
  }

  @Nested
  class FlatLayout {

    @Test
    void tensors_sitInOneArray_inDeclarationOrder_rowMajor() {
      Parameters p = flat();
      double[] all = p.flat();
      for (int k = 0; k < all.length; k++) {
        all[k] = k;
      }

      assertThat(p.layout()).isEqualTo(ParameterLayout.FLAT);
      assertThat(all).hasSize(6 + 2 + 8);
      assertThat(p.tensor("w1").toArray()).containsExactly(0, 1, 2, 3, 4, 5);
      assertThat(p.tensor("w1").get(1, 2)).isEqualTo(5); // row 1, col 2 -> 1 * 3 + 2
      assertThat(p.tensor("b1").toArray()).containsExactly(6, 7);
      assertThat(p.tensor("w2").toArray()).containsExactly(8, 9, 10, 11, 12, 13, 14, 15);
      assertThat(p.tensor("w2").get(3, 1)).isEqualTo(15);
    }

    @Test
    void writesThroughATensor_landInTheFlatArray_atItsOffset() {
      Parameters p = flat();

      p.tensor("b1").set(1, -1.5);
      p.set("w2", new double[][] {{1, 2}, {3, 4}, {5, 6}, {7, 8}});

      assertThat(p.flat()[6 + 1]).isEqualTo(-1.5);
      assertThat(p.flat()).endsWith(1, 2, 3, 4, 5, 6, 7, 8);
    }

    @Test
    void matrix_ofAFlatTensor_isRejected_pointingToFlat() {
      assertThatThrownBy(() -> flat().matrix("w1"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("Tensor `w1` is part of a FLAT parameter vector")
          .hasMessageContaining("Parameters.flat()");
    }

    @Test
    void vector_ofAFlatTensor_isRejected_pointingToFlat() {
      assertThatThrownBy(() -> flat().vector("b1"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage(
              "Tensor `b1` of shape [2] is not stored as its own double[]; use Parameters.flat()"
                  + " or get(i)");
    }

    @Test
    void flat_ofMatrices_isRejected_pointingToTheLayout() {
      assertThatThrownBy(() -> matrices().flat())
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("ParameterLayout.FLAT");
    }

    @Test
    void zerosLikeAndCopy_keepTheLayout() {
      Parameters p = flat();
      p.flat()[3] = 2;

      assertThat(p.zerosLike().layout()).isEqualTo(ParameterLayout.FLAT);
      assertThat(p.zerosLike().flat()).containsOnly(0);
      assertThat(p.copy().flat()).containsExactly(p.flat());
      assertThat(p.copy().flat()).isNotSameAs(p.flat());
    }
  }

  @Nested
  class Matrices {

    @Test
    void matrix_andRealMatrix_shareStorageWithTheTensor() {
      Parameters p = matrices();
      RealMatrix m = p.realMatrix("w1");
      double[][] rows = p.matrix("w1");

      m.setEntry(1, 2, 5.0);
      rows[0][1] = 7.0;
      p.tensor("w1").set(3, 9.0);

      assertThat(p.tensor("w1").get(1, 2)).isEqualTo(5.0);
      assertThat(rows[1][2]).isEqualTo(5.0);
      assertThat(m.getEntry(0, 1)).isEqualTo(7.0);
      assertThat(m.getEntry(1, 0)).isEqualTo(9.0);
      assertThat(((Array2DRowRealMatrix) m).getDataRef()).isSameAs(rows);
    }

    @Test
    void vector_ofARankOneTensor_sharesStorage() {
      Parameters p = matrices();

      p.vector("b1")[1] = 3.0;

      assertThat(p.tensor("b1").get(1)).isEqualTo(3.0);
    }

    @Test
    void vector_ofARankTwoTensor_pointsToMatrix() {
      assertThatThrownBy(() -> matrices().vector("w1"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("use matrix()");
    }

    @Test
    void matrix_ofARankOneTensor_namesTheRank() {
      assertThatThrownBy(() -> matrices().matrix("b1"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("Tensor `b1` has rank 1 (shape [2]); matrix() needs rank 2");
    }

    @Test
    void copy_isDeep_andZerosLike_isZero() {
      Parameters p = matrices();
      p.matrix("w1")[0][0] = 4;

      Parameters copy = p.copy();
      copy.matrix("w1")[0][0] = 5;

      assertThat(p.matrix("w1")[0][0]).isEqualTo(4);
      assertThat(p.zerosLike().tensor("w1").toArray()).containsOnly(0);
      assertThat(p.zerosLike().layout()).isEqualTo(ParameterLayout.MATRICES);
    }

    @Test
    void size_countsEveryEntry() {
      assertThat(matrices().size()).isEqualTo(6 + 2 + 8);
      assertThat(flat().size()).isEqualTo(6 + 2 + 8);
    }

    @Test
    void anUnknownTensor_listsTheDeclaredOnes() {
      assertThatThrownBy(() -> matrices().tensor("w3"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("No parameter tensor `w3`; declared: [w1, b1, w2]");
    }
  }

  @Nested
  class SetChecksShapes {

    @Test
    void set_copiesARightlyShapedMatrix() {
      Parameters p = matrices();
      double[][] values = {{1, 2, 3}, {4, 5, 6}};

      p.set("w1", values);
      values[0][0] = 99;

      assertThat(p.matrix("w1")).isDeepEqualTo(new double[][] {{1, 2, 3}, {4, 5, 6}});
    }

    @Test
    void set_withTooManyRows_namesTensorAndCounts() {
      assertThatThrownBy(() -> matrices().set("w1", new double[3][3]))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("Tensor `w1` of shape [2, 3] needs 2 rows, but 3 were given");
    }

    @Test
    void set_withARaggedRow_namesTensorAndRow() {
      assertThatThrownBy(() -> matrices().set("w1", new double[][] {{1, 2, 3}, {4, 5}}))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("Tensor `w1` of shape [2, 3] needs 3 columns, but row 1 has 2");
    }

    @Test
    void set_ofAMatrixIntoARankOneTensor_namesTheShape() {
      assertThatThrownBy(() -> matrices().set("b1", new double[][] {{1, 2}}))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("Tensor `b1` has shape [2]; a double[][] fits only rank 2");
    }

    @Test
    void set_ofAVectorOfTheWrongLength_namesTensorAndCounts() {
      assertThatThrownBy(() -> matrices().set("w1", new double[5]))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("Tensor `w1` of shape [2, 3] has 6 entries, but 5 values were given");
    }

    @Test
    void set_ofAVector_fillsRowMajor() {
      Parameters p = matrices();

      p.set("w1", new double[] {1, 2, 3, 4, 5, 6});

      assertThat(p.matrix("w1")).isDeepEqualTo(new double[][] {{1, 2, 3}, {4, 5, 6}});
    }

    @Test
    void set_ofAWronglyShapedRealMatrix_namesTensorAndCounts() {
      assertThatThrownBy(() -> matrices().set("w1", new Array2DRowRealMatrix(3, 2)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("Tensor `w1` of shape [2, 3] needs 2 rows, but 3 were given");
    }

    @Test
    void set_ofARealMatrix_copiesIt() {
      Parameters p = matrices();
      RealMatrix m = new Array2DRowRealMatrix(new double[][] {{1, 2, 3}, {4, 5, 6}});

      p.set("w1", m);
      m.setEntry(0, 0, 99);

      assertThat(p.matrix("w1")[0][0]).isEqualTo(1);
    }

    @Test
    void set_ofNull_isRejected() {
      assertThatThrownBy(() -> matrices().set("w1", (double[][]) null))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("Tensor `w1` of shape [2, 3] needs 2 rows, but null was given");
    }
  }
}
