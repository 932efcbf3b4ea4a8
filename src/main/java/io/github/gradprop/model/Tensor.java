package io.github.gradprop.model;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Arrays;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apiguardian.api.API;

/**
 * A named, dense tensor of doubles, in row-major order, that your model reads (parameters, inputs,
 * targets) or writes (gradients).
 *
 * <p>You only <em>call</em> this type. Read it in whichever form your code already uses: {@link
 * #matrix()} as {@code double[][]}, {@link #realMatrix()} as a Commons Math {@code RealMatrix}
 * (both share storage with the tensor, no copy), {@link #vector()} for rank 1, or {@link #get(int)}
 * by flat index. In a model declared with {@link ParameterLayout#FLAT}, parameters live in one
 * {@code double[]} that {@link Parameters#flat()} returns.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Tensor {

  private final String name;
  private final int[] shape;
  private final int size;
  private final double[][] rows;
  private final double[] flat;
  private final int offset;

  private Tensor(String name, int[] shape, double[][] rows, double[] flat, int offset) {
    this.name = name;
    this.shape = shape;
    this.size = sizeOf(shape);
    this.rows = rows;
    this.flat = flat;
    this.offset = offset;
  }

  /** A zero tensor that stores rank-2 data as rows ({@code double[][]}). */
  static Tensor zeros(String name, int[] shape) {
    int[] s = shape.clone();
    if (s.length == 2) {
      return new Tensor(name, s, new double[s[0]][s[1]], null, 0);
    }
    return new Tensor(name, s, null, new double[sizeOf(s)], 0);
  }

  /** A view of {@code flat[offset .. offset + size)}. */
  static Tensor view(String name, int[] shape, double[] flat, int offset) {
    return new Tensor(name, shape.clone(), null, flat, offset);
  }

  static int sizeOf(int[] shape) {
    long size = 1;
    for (int d : shape) {
      size *= d;
    }
    if (size > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("Tensor too large: " + Arrays.toString(shape));
    }
    return (int) size;
  }

  /** The tensor's name, e.g. {@code w1}. */
  public String name() {
    return name;
  }

  /** A copy of the concrete shape. */
  public int[] shape() {
    return shape.clone();
  }

  /** The length of axis {@code axis}. */
  public int shape(int axis) {
    return shape[axis];
  }

  /** The number of axes. */
  public int rank() {
    return shape.length;
  }

  /** The number of entries. */
  public int size() {
    return size;
  }

  /** The entry at row-major flat index {@code i}. */
  public double get(int i) {
    if (rows != null) {
      int cols = shape[1];
      return rows[i / cols][i % cols];
    }
    return flat[offset + i];
  }

  /** Sets the entry at row-major flat index {@code i}. */
  public void set(int i, double value) {
    if (rows != null) {
      int cols = shape[1];
      rows[i / cols][i % cols] = value;
    } else {
      flat[offset + i] = value;
    }
  }

  /** The entry at {@code [row, col]} of a rank-2 tensor. */
  public double get(int row, int col) {
    checkRank(2, "get(row, col)");
    return get(row * shape[1] + col);
  }

  /**
   * The rows of this rank-2 tensor, shared with it: writes go into the tensor. Not available for
   * parameters of a {@link ParameterLayout#FLAT} model.
   */
  public double[][] matrix() {
    checkRank(2, "matrix()");
    if (rows == null) {
      throw new IllegalStateException(
          "Tensor `"
              + name
              + "` is part of a FLAT parameter vector; read it through Parameters.flat(), or"
              + " declare the model with ParameterLayout.MATRICES");
    }
    return rows;
  }

  /** This rank-2 tensor as a Commons Math matrix that shares its storage (no copy). */
  public RealMatrix realMatrix() {
    return new Array2DRowRealMatrix(matrix(), false);
  }

  /**
   * The entries of this tensor as a {@code double[]}, shared with it. Available when the tensor
   * owns a flat array (rank 1 or rank 3 and above, outside a FLAT parameter vector).
   */
  public double[] vector() {
    if (rows != null || offset != 0 || flat.length != size) {
      throw new IllegalStateException(
          "Tensor `"
              + name
              + "` of shape "
              + Arrays.toString(shape)
              + " is not stored as its own double[]; use "
              + (rows != null ? "matrix()" : "Parameters.flat()")
              + " or get(i)");
    }
    return flat;
  }

  /** A fresh row-major copy of all entries. */
  public double[] toArray() {
    double[] copy = new double[size];
    if (rows == null) {
      System.arraycopy(flat, offset, copy, 0, size);
      return copy;
    }
    int at = 0;
    for (double[] row : rows) {
      System.arraycopy(row, 0, copy, at, row.length);
      at += row.length;
    }
    return copy;
  }

  /** Copies all entries from {@code source}, which must have the same size. */
  public void copyFrom(Tensor source) {
    if (source.size != size) {
      throw new IllegalArgumentException(
          "Cannot copy " + source.size + " entries into `" + name + "` of size " + size);
    }
    if (source.rows == null && rows == null) {
      System.arraycopy(source.flat, source.offset, flat, offset, size);
      return;
    }
    double[] values = source.toArray();
    if (rows == null) {
      System.arraycopy(values, 0, flat, offset, size);
      return;
    }
    int at = 0;
    for (double[] row : rows) {
      System.arraycopy(values, at, row, 0, row.length);
      at += row.length;
    }
  }

  /** Sets every entry to {@code value}. */
  public void fill(double value) {
    if (rows == null) {
      Arrays.fill(flat, offset, offset + size, value);
      return;
    }
    for (double[] row : rows) {
      Arrays.fill(row, value);
    }
  }

  /** The multi-index of flat index {@code i}, e.g. {@code [1, 2]}. */
  public int[] index(int i) {
    int[] index = new int[shape.length];
    for (int axis = shape.length - 1; axis >= 0; axis--) {
      index[axis] = i % shape[axis];
      i /= shape[axis];
    }
    return index;
  }

  /** The multi-index of flat index {@code i} as text, e.g. {@code [1, 2]}. */
  public String indexText(int i) {
    return Arrays.toString(index(i));
  }

  private void checkRank(int expected, String method) {
    if (shape.length != expected) {
      throw new IllegalStateException(
          String.format(
              "Tensor `%s` has rank %d (shape %s); %s needs rank %d",
              name, shape.length, Arrays.toString(shape), method, expected));
    }
  }

  @Override
  public String toString() {
    return name + Arrays.toString(shape);
  }
}
