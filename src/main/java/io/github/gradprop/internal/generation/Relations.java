package io.github.gradprop.internal.generation;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.github.gradprop.model.Case;
import io.github.gradprop.model.ModelSpec;
import io.github.gradprop.model.Tensor;
import io.github.gradprop.model.TensorSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apiguardian.api.API;

/**
 * Relational edge cases: edits of a drawn case that build ties and kinks on purpose. A tie is a
 * relation between entries (two pieces of a maxout unit, two elements of a pooling window), which
 * independent draws almost never produce; these edits make it directly:
 *
 * <ul>
 *   <li>{@link Kind#TIED_SLICES}: slice {@code a} of an axis copied onto slice {@code b} in every
 *       tensor that has that axis (two rows of {@code w1} and two entries of {@code b1}, so two
 *       pre-activations are equal for every example); the pair is adjacent, within one group of a
 *       stacked axis such as {@code 2 * pool} or {@code units * pieces}, across its blocks, or any;
 *   <li>{@link Kind#TWIN_TENSORS}: tensors declared with the same axes copied onto one another (the
 *       pieces {@code wa}, {@code wb} of a maxout), on a random subset of their first axis;
 *   <li>{@link Kind#ZERO_SLICES}: a slice set to zero, either in every tensor that leads with that
 *       axis (a pre-activation exactly 0) or in one tensor (a product that vanishes);
 *   <li>{@link Kind#GRID}: every value on the coarse grid {@code {-1, -0.5, 0, 0.5, 1} * scale}.
 * </ul>
 *
 * A relational try applies each kind with probability 1/2 (at least one), in the order above's
 * reverse (grid, zeros, twins, tied slices), so that a tie survives the others.
 */
@API(status = INTERNAL, since = "0.1")
public final class Relations {

  /** A kind of relational edit. */
  public enum Kind {
    GRID,
    ZERO_SLICES,
    TWIN_TENSORS,
    TIED_SLICES
  }

  private static final double[] GRID_STEPS = {-1.0, -0.5, 0.0, 0.5, 1.0};

  private Relations() {}

  /** The kinds a relational try with this random stream applies; never empty. */
  public static List<Kind> pick(SplittableRandom random) {
    List<Kind> kinds = new ArrayList<>();
    for (Kind k : Kind.values()) {
      if (random.nextBoolean()) {
        kinds.add(k);
      }
    }
    if (kinds.isEmpty()) {
      kinds.add(Kind.values()[random.nextInt(Kind.values().length)]);
    }
    return kinds;
  }

  /** Applies {@code kinds} to the parameters, inputs and data of {@code c}, in place. */
  public static void apply(Case c, List<Kind> kinds, SplittableRandom random, double scale) {
    List<Tensor> tensors = valueTensors(c);
    List<TensorSpec> specs = specsOf(c.spec(), tensors);
    for (Kind k : kinds) {
      switch (k) {
        case GRID:
          for (Tensor t : tensors) {
            for (int i = 0; i < t.size(); i++) {
              t.set(i, GRID_STEPS[random.nextInt(GRID_STEPS.length)] * scale);
            }
          }
          break;
        case ZERO_SLICES:
          zeroSlices(c, tensors, specs, random);
          break;
        case TWIN_TENSORS:
          twinTensors(c, tensors, specs, random);
          break;
        case TIED_SLICES:
          tiedSlices(c, tensors, specs, random);
          break;
        default:
          throw new IllegalStateException(String.valueOf(k));
      }
    }
  }

  private static List<Tensor> valueTensors(Case c) {
    List<Tensor> out = new ArrayList<>(c.parameters().tensors());
    out.add(c.batch().inputTensor());
    out.addAll(c.batch().dataTensors());
    return out;
  }

  private static List<TensorSpec> specsOf(ModelSpec spec, List<Tensor> tensors) {
    Map<String, TensorSpec> byName = new LinkedHashMap<>();
    for (TensorSpec s : spec.allTensors()) {
      byName.put(s.name(), s);
    }
    List<TensorSpec> out = new ArrayList<>();
    for (Tensor t : tensors) {
      out.add(byName.get(t.name()));
    }
    return out;
  }

  /** Every distinct axis text of length at least {@code min}, with its length. */
  private static Map<String, Integer> axes(List<Tensor> tensors, List<TensorSpec> specs, int min) {
    Map<String, Integer> out = new LinkedHashMap<>();
    for (int t = 0; t < tensors.size(); t++) {
      for (int a = 0; a < tensors.get(t).rank(); a++) {
        if (tensors.get(t).shape(a) >= min) {
          out.put(specs.get(t).axis(a), tensors.get(t).shape(a));
        }
      }
    }
    return out;
  }

  private static void tiedSlices(
      Case c, List<Tensor> tensors, List<TensorSpec> specs, SplittableRandom random) {
    Map<String, Integer> axes = axes(tensors, specs, 2);
    if (axes.isEmpty()) {
      return;
    }
    String axis = new ArrayList<>(axes.keySet()).get(random.nextInt(axes.size()));
    int[] pair = pair(axis, axes.get(axis), c.dims(), random);
    for (int t = 0; t < tensors.size(); t++) {
      for (int a = 0; a < tensors.get(t).rank(); a++) {
        if (specs.get(t).axis(a).equals(axis)) {
          copySlice(tensors.get(t), tensors.get(t), a, pair[0], pair[1]);
        }
      }
    }
  }

  /**
   * Two distinct indices of an axis of {@code length}: adjacent, or within one group or across the
   * blocks of a stacked axis ({@code m * d}: group {@code k} is {@code m k .. m k + m - 1}, block
   * {@code p} is {@code p d .. p d + d - 1}), or any two.
   */
  static int[] pair(String axis, int length, Map<String, Integer> dims, SplittableRandom random) {
    List<Integer> factors = new ArrayList<>();
    for (String token : axis.split("[^A-Za-z0-9_]+")) {
      Integer d = dims.get(token);
      if (d != null && d >= 1 && length % d == 0 && length / d >= 2) {
        factors.add(d);
      }
    }
    int choice = random.nextInt(factors.isEmpty() ? 2 : 4);
    if (choice >= 2) {
      int d = factors.get(random.nextInt(factors.size()));
      int m = length / d;
      int p = random.nextInt(m);
      int q = (p + 1 + random.nextInt(m - 1)) % m;
      int k = random.nextInt(d);
      return choice == 2 ? new int[] {m * k + p, m * k + q} : new int[] {p * d + k, q * d + k};
    }
    if (choice == 0) {
      int a = random.nextInt(length - 1);
      return new int[] {a, a + 1};
    }
    int a = random.nextInt(length);
    return new int[] {a, (a + 1 + random.nextInt(length - 1)) % length};
  }

  private static void twinTensors(
      Case c, List<Tensor> tensors, List<TensorSpec> specs, SplittableRandom random) {
    Map<String, List<Integer>> groups = new LinkedHashMap<>();
    for (int t = 0; t < tensors.size(); t++) {
      if (tensors.get(t).rank() >= 1) {
        groups.computeIfAbsent(axesText(specs.get(t)), k -> new ArrayList<>()).add(t);
      }
    }
    // the same source/destination positions and the same rows for every group, so that the
    // weights and the bias of one piece are copied together
    int from = random.nextInt(2);
    Map<String, boolean[]> rows = new LinkedHashMap<>();
    for (List<Integer> group : groups.values()) {
      if (group.size() < 2) {
        continue;
      }
      Tensor src = tensors.get(group.get(from));
      Tensor dst = tensors.get(group.get(1 - from));
      boolean[] mask =
          rows.computeIfAbsent(specs.get(group.get(0)).axis(0), k -> mask(src, random));
      for (int i = 0; i < mask.length; i++) {
        if (mask[i]) {
          copySlice(src, dst, 0, i, i);
        }
      }
    }
  }

  private static boolean[] mask(Tensor t, SplittableRandom random) {
    boolean[] m = new boolean[t.shape(0)];
    m[random.nextInt(m.length)] = true;
    for (int i = 0; i < m.length; i++) {
      m[i] |= random.nextBoolean();
    }
    return m;
  }

  private static String axesText(TensorSpec s) {
    StringBuilder sb = new StringBuilder();
    for (int a = 0; a < s.rank(); a++) {
      sb.append(s.axis(a)).append(';');
    }
    return sb.toString();
  }

  private static void zeroSlices(
      Case c, List<Tensor> tensors, List<TensorSpec> specs, SplittableRandom random) {
    Map<String, Integer> axes = axes(tensors, specs, 1);
    if (axes.isEmpty()) {
      return;
    }
    String axis = new ArrayList<>(axes.keySet()).get(random.nextInt(axes.size()));
    int index = random.nextInt(axes.get(axis));
    boolean leadingOnly = random.nextBoolean();
    List<int[]> targets = new ArrayList<>();
    for (int t = 0; t < tensors.size(); t++) {
      for (int a = 0; a < tensors.get(t).rank(); a++) {
        if (specs.get(t).axis(a).equals(axis) && (!leadingOnly || a == 0)) {
          targets.add(new int[] {t, a});
        }
      }
    }
    if (!leadingOnly && !targets.isEmpty()) {
      targets = List.of(targets.get(random.nextInt(targets.size())));
    }
    for (int[] ta : targets) {
      zeroSlice(tensors.get(ta[0]), ta[1], index);
    }
  }

  private static void copySlice(Tensor src, Tensor dst, int axis, int from, int to) {
    int inner = 1;
    for (int a = axis + 1; a < src.rank(); a++) {
      inner *= src.shape(a);
    }
    int len = src.shape(axis);
    int outer = src.size() / (inner * len);
    for (int o = 0; o < outer; o++) {
      for (int i = 0; i < inner; i++) {
        dst.set((o * len + to) * inner + i, src.get((o * len + from) * inner + i));
      }
    }
  }

  private static void zeroSlice(Tensor t, int axis, int index) {
    int inner = 1;
    for (int a = axis + 1; a < t.rank(); a++) {
      inner *= t.shape(a);
    }
    int len = t.shape(axis);
    int outer = t.size() / (inner * len);
    for (int o = 0; o < outer; o++) {
      for (int i = 0; i < inner; i++) {
        t.set((o * len + index) * inner + i, 0.0);
      }
    }
  }
}
