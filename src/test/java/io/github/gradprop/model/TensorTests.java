package io.github.gradprop.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

class TensorTests {

  @Test
  void realMatrix_sharesStorage_inBothDirections() {
    Tensor t = Tensor.zeros("w", new int[] {2, 3});
    RealMatrix m = t.realMatrix();

    m.setEntry(1, 1, 4.0);
    t.set(2, -1.0); // row 0, col 2

    assertThat(t.get(1, 1)).isEqualTo(4.0);
    assertThat(m.getEntry(0, 2)).isEqualTo(-1.0);
    assertThat(m.getRowDimension()).isEqualTo(2);
    assertThat(m.getColumnDimension()).isEqualTo(3);
  }

  @Test
  void flatIndices_areRowMajor_forEveryRank() {
    Tensor t = Tensor.zeros("t", new int[] {2, 3, 4});

    assertThat(t.index(0)).containsExactly(0, 0, 0);
    assertThat(t.index(5)).containsExactly(0, 1, 1);
    assertThat(t.index(23)).containsExactly(1, 2, 3);
    assertThat(t.indexText(13)).isEqualTo("[1, 0, 1]");
    assertThat(t.size()).isEqualTo(24);
    assertThat(t.rank()).isEqualTo(3);
  }

  @Test
  void aRankThreeTensor_isItsOwnVector() {
    Tensor t = Tensor.zeros("t", new int[] {2, 3, 4});

    t.vector()[23] = 1.0;

    assertThat(t.get(23)).isEqualTo(1.0);
  }

  @Test
  void aView_readsAndWritesItsSliceOnly() {
    double[] flat = {0, 1, 2, 3, 4, 5, 6};
    Tensor t = Tensor.view("v", new int[] {2, 2}, flat, 2);

    t.set(3, 9);

    assertThat(t.toArray()).containsExactly(2, 3, 4, 9);
    assertThat(flat).containsExactly(0, 1, 2, 3, 4, 9, 6);
  }

  @Test
  void shape_returnsACopy() {
    Tensor t = Tensor.zeros("w", new int[] {2, 3});

    t.shape()[0] = 7;

    assertThat(t.shape()).containsExactly(2, 3);
  }

  @Test
  void copyFrom_ofAnotherSize_isRejected_namingTheTensor() {
    Tensor t = Tensor.zeros("w", new int[] {2, 3});

    assertThatThrownBy(() -> t.copyFrom(Tensor.zeros("v", new int[] {5})))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot copy 5 entries into `w` of size 6");
  }

  @Test
  void getRowCol_onRankOne_namesTheRank() {
    assertThatThrownBy(() -> Tensor.zeros("b", new int[] {3}).get(0, 1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Tensor `b` has rank 1 (shape [3]); get(row, col) needs rank 2");
  }

  @Test
  void fill_setsEveryEntry() {
    Tensor t = Tensor.zeros("w", new int[] {2, 3});

    t.fill(0.5);

    assertThat(t.toArray()).containsOnly(0.5).hasSize(6);
  }

  @Test
  void toString_isNameAndShape() {
    assertThat(Tensor.zeros("w1", new int[] {3, 4})).hasToString("w1[3, 4]");
  }
}
