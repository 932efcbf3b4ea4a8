package io.github.gradprop.internal.shrinking;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.github.gradprop.model.Case;
import io.github.gradprop.model.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/** Edits of a case that keep it consistent with its spec. Each returns a new case. */
@API(status = INTERNAL, since = "0.1")
public final class CaseEdits {

  private CaseEdits() {}

  /**
   * Deletes index {@code k} of dimension {@code dim} from every tensor: an axis whose length drops
   * by one (a bare {@code dim} axis, or {@code dim + 1} for a bias column) loses index {@code k};
   * an axis that shrinks by {@code m > 1} (such as {@code 2 * dim}, gates stacked in blocks) loses
   * index {@code k} of each of its {@code m} blocks of length {@code dim}. So deleting hidden unit
   * {@code k} removes row {@code k} of {@code w1[hidden, in + 1]} and column {@code k} of {@code
   * w2[out, hidden + 1]}, and every other value stays where it was. An axis that grows (such as
   * {@code length - width + 1} when {@code width} drops) keeps its entries and gets zeros at the
   * end.
   */
  public static Case deleteIndex(Case c, String dim, int k) {
    return deleteIndex(c, dim, k, false);
  }

  /**
   * Like {@link #deleteIndex(Case, String, int)}; with {@code interleaved}, an axis that shrinks by
   * {@code m > 1} is read as {@code dim} groups of {@code m} neighbours (unit {@code k} owns
   * entries {@code m*k .. m*k + m - 1}, as in max-pooling over pairs) rather than {@code m} blocks.
   */
  public static Case deleteIndex(Case c, String dim, int k, boolean interleaved) {
    Map<String, Integer> dims = new LinkedHashMap<>(c.dims());
    dims.put(dim, dims.get(dim) - 1);
    Case out = Case.zeros(c.spec(), dims);
    List<Tensor> from = c.tensors();
    List<Tensor> to = out.tensors();
    int oldDim = c.dim(dim);
    for (int t = 0; t < to.size(); t++) {
      copyDeleting(from.get(t), to.get(t), k, oldDim, interleaved);
    }
    return out;
  }

  private static void copyDeleting(Tensor src, Tensor dst, int k, int oldDim, boolean interleaved) {
    int rank = dst.rank();
    int[] srcShape = src.shape();
    int[] dstShape = dst.shape();
    int[] srcStride = new int[rank];
    int stride = 1;
    for (int a = rank - 1; a >= 0; a--) {
      srcStride[a] = stride;
      stride *= srcShape[a];
    }
    for (int j = 0; j < dst.size(); j++) {
      int rest = j;
      int srcIndex = 0;
      boolean added = false;
      for (int a = rank - 1; a >= 0; a--) {
        int i = rest % dstShape[a];
        rest /= dstShape[a];
        int shrink = srcShape[a] - dstShape[a];
        if (shrink == 1) {
          int kk = Math.min(k, srcShape[a] - 1);
          if (i >= kk) {
            i++;
          }
        } else if (shrink > 1 && oldDim > 1 && shrink * oldDim <= srcShape[a]) {
          i = interleaved ? groupIndex(i, shrink, oldDim, k) : blockIndex(i, shrink, oldDim, k);
        }
        added |= i >= srcShape[a];
        srcIndex += i * srcStride[a];
      }
      dst.set(j, added ? 0.0 : src.get(srcIndex));
    }
  }

  /** Where entry {@code i} came from when unit {@code k}'s group of {@code m} was deleted. */
  private static int groupIndex(int i, int m, int oldDim, int k) {
    if (i >= m * (oldDim - 1)) {
      return i + m; // an extra entry after the groups
    }
    return i >= m * k ? i + m : i;
  }

  /** Whether deleting one index of {@code dim} shrinks some axis of {@code c} by more than one. */
  public static boolean hasGroupedAxis(Case c, String dim) {
    java.util.Map<String, Integer> smaller = new LinkedHashMap<>(c.dims());
    smaller.put(dim, smaller.get(dim) - 1);
    for (io.github.gradprop.model.TensorSpec t : c.spec().allTensors()) {
      int[] before;
      int[] after;
      try {
        before = t.shape(c.dims());
        after = t.shape(smaller);
      } catch (IllegalArgumentException e) {
        return false;
      }
      for (int a = 0; a < before.length; a++) {
        if (before[a] - after[a] > 1) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Where entry {@code i} of an axis laid out as {@code blocks} blocks of length {@code oldDim}
   * (then any extra entries) came from, once index {@code k} is deleted from every block.
   */
  private static int blockIndex(int i, int blocks, int oldDim, int k) {
    int newDim = oldDim - 1;
    if (i >= blocks * newDim) {
      return i + blocks; // an extra entry after the blocks, such as a bias
    }
    int block = i / newDim;
    int offset = i % newDim;
    return block * oldDim + (offset >= k ? offset + 1 : offset);
  }

  /**
   * Relabels class-index targets after class {@code k} was deleted: labels above {@code k} move
   * down by one, labels equal to {@code k} become 0. Changes {@code c} in place and returns it.
   */
  public static Case deleteClass(Case c, int k) {
    Tensor t = c.batch().targetTensor();
    for (int i = 0; i < t.size(); i++) {
      double label = t.get(i);
      if (label == k) {
        t.set(i, 0.0);
      } else if (label > k) {
        t.set(i, label - 1);
      }
    }
    return c;
  }

  /**
   * Keeps one-hot targets one-hot after a deletion: a row whose 1 sat in the deleted class gets its
   * 1 in the first class. Changes {@code c} in place and returns it.
   */
  public static Case keepOneHot(Case c) {
    if (!c.batch().hasTargets()) {
      return c;
    }
    Tensor t = c.batch().targetTensor();
    int classes = t.rank() == 0 ? 1 : t.shape(t.rank() - 1);
    for (int row = 0; row < t.size() / classes; row++) {
      boolean hot = false;
      for (int j = 0; j < classes; j++) {
        hot |= t.get(row * classes + j) != 0.0;
      }
      if (!hot) {
        t.set(row * classes, 1.0);
      }
    }
    return c;
  }

  /**
   * Keeps distribution targets distributions after a deletion: each row along the last axis is
   * rescaled to sum to 1, and a row left all zero gets its 1 in the first class. Changes {@code c}
   * in place and returns it.
   */
  public static Case keepDistribution(Case c) {
    if (!c.batch().hasTargets()) {
      return c;
    }
    Tensor t = c.batch().targetTensor();
    int classes = t.rank() == 0 ? 1 : t.shape(t.rank() - 1);
    for (int row = 0; row < t.size() / classes; row++) {
      double sum = 0;
      for (int j = 0; j < classes; j++) {
        sum += t.get(row * classes + j);
      }
      for (int j = 0; j < classes; j++) {
        int i = row * classes + j;
        t.set(i, sum == 0 ? (j == 0 ? 1.0 : 0.0) : t.get(i) / sum);
      }
    }
    return c;
  }

  /** A copy of {@code c} with entry {@code i} of tensor number {@code tensor} set to {@code v}. */
  public static Case withValue(Case c, int tensor, int i, double v) {
    Case copy = c.copy();
    copy.tensors().get(tensor).set(i, v);
    return copy;
  }
}
