package io.github.gradprop.internal.shrinking;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.github.gradprop.GradientCheckResult;
import io.github.gradprop.ModelConfigurationException;
import io.github.gradprop.TargetKind;
import io.github.gradprop.model.Case;
import io.github.gradprop.model.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.apiguardian.api.API;

/**
 * Reduces a failing case while it keeps failing in the same way: first structurally (delete one
 * index of a named dimension from every tensor that has it), then value by value toward simpler
 * numbers, repeated until nothing more shrinks or the time budget runs out. Deterministic for a
 * given case; each distinct candidate is checked at most once.
 */
@API(status = INTERNAL, since = "0.1")
public final class Shrinker {

  /** Decides, for a candidate, whether it is still acceptable (e.g. has no kinks under AVOID). */
  public interface Admission {
    boolean admits(GradientCheckResult r);
  }

  /**
   * Above this many parameters, where every check is costly, each dimension is first cut in halves
   * ({@link #halve}); smaller cases shrink one index at a time, but for long dimensions.
   */
  public static final int HALVING_ABOVE = 2_000;

  /**
   * A dimension longer than this is cut in halves too, however few parameters the case has left:
   * deleting its indices one at a time would cost a check each.
   */
  public static final int HALVING_LONGER_THAN = 16;

  private final Function<Case, GradientCheckResult> check;
  private final Map<String, Integer> minDims;
  private final LongSupplier clock;
  private final long deadline;
  private final Admission admission;
  private final TargetKind targets;
  private final String classes;
  private final Map<Key, GradientCheckResult> cache = new HashMap<>();
  private final List<Step> history = new ArrayList<>();

  private FailureKind kind;
  private Case best;
  private GradientCheckResult bestResult;
  private int steps;
  private int checks;
  private int cacheHits;
  private boolean outOfTime;

  /** A shrinker; {@code classes} names the dimension that counts {@code CLASS_INDEX} labels. */
  public Shrinker(
      Function<Case, GradientCheckResult> check,
      Map<String, Integer> minDims,
      LongSupplier clock,
      long budgetMillis,
      Admission admission,
      TargetKind targets,
      String classes) {
    this.check = check;
    this.targets = targets;
    this.classes = classes;
    this.minDims = minDims;
    this.clock = clock;
    this.deadline = clock.getAsLong() + budgetMillis;
    this.admission = admission;
  }

  /**
   * One accepted shrink step: what changed, and the dimensions and failing entries after it.
   *
   * @param description e.g. {@code deleted hidden index 2} or {@code w1[0, 1]: 0.73 -> 0.5}
   * @param dims the case's dimensions after the step, e.g. {@code batch=1 in=2}
   * @param failing how many entries fail after the step
   */
  public record Step(String description, String dims, int failing) {}

  /** The outcome of shrinking; {@code history} holds every accepted step, in order. */
  public record Shrunk(
      Case smallest,
      GradientCheckResult result,
      int steps,
      int checks,
      int cacheHits,
      boolean outOfTime,
      List<Step> history) {}

  public Shrunk shrink(Case failing, GradientCheckResult original) {
    kind = FailureKind.of(original);
    best = failing;
    bestResult = original;
    cache.put(Key.of(failing), original);
    boolean progress = true;
    while (progress && !outOfTime) {
      progress = false;
      for (String dim : best.dims().keySet()) {
        progress |= shrinkDimension(dim);
      }
      for (Shrunk tie = shrinkTieGroup(best, kind); tie != null; tie = shrinkTieGroup(best, kind)) {
        accept("tied values simplified together", tie.smallest(), tie.result());
        progress = true;
      }
      progress |= simplifyValues();
    }
    return new Shrunk(best, bestResult, steps, checks, cacheHits, outOfTime, List.copyOf(history));
  }

  /** Deletes indices of {@code dim} while the case keeps failing; whether any went. */
  private boolean shrinkDimension(String dim) {
    int min = minDims.getOrDefault(dim, 1);
    boolean progress = false;
    boolean deleted = true;
    boolean cutting = true; // until no cut keeps the failure: then single indices, this pass
    while (deleted && best.dim(dim) > min && !outOfTime) {
      cutting &= isLarge(best) || isLong(best, dim);
      Halved halved = cutting ? halve(best, dim, min, kind) : null;
      if (halved != null) {
        accept(halved.description(), halved.smallest(), halved.result());
      } else {
        cutting = false;
        deleted = deleteOneIndex(dim);
      }
      progress |= deleted;
    }
    return progress;
  }

  /** Deletes the first index of {@code dim} whose deletion keeps the failure; whether one went. */
  private boolean deleteOneIndex(String dim) {
    // an axis such as 2 * units may hold each unit's entries in blocks or side by side
    boolean[] layouts =
        CaseEdits.hasGroupedAxis(best, dim) ? new boolean[] {false, true} : new boolean[] {false};
    for (boolean interleaved : layouts) {
      // k == dim deletes the last entry of an axis such as pool + 1, which no unit owns alone
      for (int k = 0; k <= best.dim(dim) && !outOfTime; k++) {
        Case candidate;
        try {
          candidate = CaseEdits.deleteIndex(best, dim, k, interleaved);
          if (targets == TargetKind.CLASS_INDEX && dim.equals(classes)) {
            candidate = CaseEdits.deleteClass(candidate, k);
          }
          candidate = withTargetsKept(candidate);
        } catch (IllegalArgumentException e) {
          return false; // a smaller value of this dim gives an invalid shape
        }
        GradientCheckResult r = evaluate(candidate, kind);
        if (r != null) {
          accept("deleted " + dim + " index " + k, candidate, r);
          return true;
        }
      }
    }
    return false;
  }

  /** Moves each value toward simpler numbers while the case keeps failing; whether any moved. */
  private boolean simplifyValues() {
    boolean progress = false;
    List<Tensor> tensors = best.tensors();
    for (int t = 0; t < tensors.size() && !outOfTime; t++) {
      int size = best.tensors().get(t).size();
      for (int i = 0; i < size && !outOfTime; i++) {
        for (Case candidate : candidates(best, t, i)) {
          GradientCheckResult r = evaluate(candidate, kind);
          if (r != null) {
            accept(valueStep(best, candidate, t, i), candidate, r);
            progress = true;
            break;
          }
          if (outOfTime) {
            break;
          }
        }
      }
    }
    return progress;
  }

  /** Makes {@code c} the smallest failing case so far and records the step. */
  private void accept(String description, Case c, GradientCheckResult r) {
    best = c;
    bestResult = r;
    accepted(description, c, r);
  }

  /** A dimension cut in one step: the case after it, its result and what was deleted. */
  private record Halved(Case smallest, GradientCheckResult result, String description) {}

  /** Whether {@code c} is large enough for dimensions to be cut in halves before single indices. */
  static boolean isLarge(Case c) {
    return c.parameters().size() > HALVING_ABOVE;
  }

  /** Whether {@code dim} of {@code c} is long enough to be cut in halves before single indices. */
  static boolean isLong(Case c, String dim) {
    return c.dim(dim) > HALVING_LONGER_THAN;
  }

  /**
   * The first of three cuts of {@code dim} that fails the same way: down to its minimum {@code
   * min}, without its upper half, without its lower half; null when none does. A large case then
   * reaches its minimal size in a few dozen checks where single deletions take one per index.
   */
  private Halved halve(Case best, String dim, int min, FailureKind kind) {
    int n = best.dim(dim);
    int half = n / 2;
    int[][] cuts = {{min, n}, {n - half, n}, {0, half}};
    for (int[] cut : cuts) {
      if (cut[1] - cut[0] < 1 || n - (cut[1] - cut[0]) < min || outOfTime) {
        continue;
      }
      Case candidate;
      try {
        candidate = deleteRange(best, dim, cut[0], cut[1]);
      } catch (IllegalArgumentException e) {
        return null; // a smaller value of this dim gives an invalid shape
      }
      GradientCheckResult r = evaluate(candidate, kind);
      if (r != null) {
        String what =
            cut[1] - cut[0] == 1
                ? "deleted " + dim + " index " + cut[0]
                : "deleted " + dim + " indices " + cut[0] + ".." + (cut[1] - 1);
        return new Halved(candidate, r, what);
      }
    }
    return null;
  }

  /**
   * {@code c} without indices {@code from} (inclusive) to {@code to} (exclusive) of {@code dim}.
   */
  private Case deleteRange(Case c, String dim, int from, int to) {
    Case out = c;
    for (int k = from; k < to; k++) {
      out = CaseEdits.deleteIndex(out, dim, from, false);
      if (targets == TargetKind.CLASS_INDEX && dim.equals(classes)) {
        out = CaseEdits.deleteClass(out, from);
      }
    }
    return withTargetsKept(out);
  }

  /** {@code candidate} with its target rows made valid again for the target kind. */
  private Case withTargetsKept(Case candidate) {
    if (targets == TargetKind.ONE_HOT) {
      return CaseEdits.keepOneHot(candidate);
    }
    if (targets == TargetKind.DISTRIBUTION) {
      return CaseEdits.keepDistribution(candidate);
    }
    return candidate;
  }

  private void accepted(String description, Case c, GradientCheckResult r) {
    steps++;
    history.add(new Step(description, c.dimsText(), r.failures().size()));
  }

  private static String valueStep(Case before, Case after, int tensor, int i) {
    Tensor t = before.tensors().get(tensor);
    return t.name()
        + t.indexText(i)
        + ": "
        + t.get(i)
        + " -> "
        + after.tensors().get(tensor).get(i);
  }

  /** The first tie-group candidate that fails the same way, or null: see {@link TieGroups}. */
  private Shrunk shrinkTieGroup(Case best, FailureKind kind) {
    for (Case candidate : TieGroups.candidates(best, realValued(best))) {
      GradientCheckResult r = evaluate(candidate, kind);
      if (r != null || outOfTime) {
        return r == null ? null : new Shrunk(candidate, r, 0, 0, 0, false, List.of());
      }
    }
    return null;
  }

  /** The tensors whose values shrink like real numbers: all but targets of another kind. */
  private List<Integer> realValued(Case c) {
    List<Integer> out = new java.util.ArrayList<>();
    List<Tensor> tensors = c.tensors();
    for (int t = 0; t < tensors.size(); t++) {
      boolean isTarget = c.batch().hasTargets() && tensors.get(t) == c.batch().targetTensor();
      if (!isTarget || targets == TargetKind.REAL) {
        out.add(t);
      }
    }
    return out;
  }

  private List<Case> candidates(Case c, int tensor, int i) {
    Tensor t = c.tensors().get(tensor);
    boolean isTarget = c.batch().hasTargets() && t == c.batch().targetTensor();
    // weights, inputs and data shrink like real-valued targets
    return TargetValues.simpler(c, tensor, i, isTarget ? targets : TargetKind.REAL);
  }

  /** The candidate's result when it fails the same way and is admitted, else null. */
  private GradientCheckResult evaluate(Case candidate, FailureKind kind) {
    if (clock.getAsLong() >= deadline) {
      outOfTime = true;
      return null;
    }
    Key key = Key.of(candidate);
    GradientCheckResult r = cache.get(key);
    if (r != null || cache.containsKey(key)) {
      cacheHits++;
    } else {
      checks++;
      try {
        r = check.apply(candidate);
      } catch (ModelConfigurationException e) {
        r = null; // the model cannot run this candidate; it is not the same failure
      }
      cache.put(key, r);
    }
    return r != null && !r.passed() && kind.matches(r) && admission.admits(r) ? r : null;
  }

  /** A case's identity: its dimensions and the bits of every value. */
  private static final class Key {
    private final int[] dims;
    private final long[] bits;
    private final int hash;

    private Key(int[] dims, long[] bits) {
      this.dims = dims;
      this.bits = bits;
      this.hash = 31 * Arrays.hashCode(dims) + Arrays.hashCode(bits);
    }

    static Key of(Case c) {
      int[] dims = c.dims().values().stream().mapToInt(Integer::intValue).toArray();
      int n = 0;
      for (Tensor t : c.tensors()) {
        n += t.size();
      }
      long[] bits = new long[n];
      int j = 0;
      for (Tensor t : c.tensors()) {
        for (int i = 0; i < t.size(); i++) {
          bits[j++] = Double.doubleToLongBits(t.get(i));
        }
      }
      return new Key(dims, bits);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Arrays.equals(k.dims, dims) && Arrays.equals(k.bits, bits);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }
}
