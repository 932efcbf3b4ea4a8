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

  private final Function<Case, GradientCheckResult> check;
  private final Map<String, Integer> minDims;
  private final LongSupplier clock;
  private final long deadline;
  private final Admission admission;
  private final TargetKind targets;
  private final String classes;
  private final Map<Key, GradientCheckResult> cache = new HashMap<>();
  private final List<Step> history = new ArrayList<>();

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
    FailureKind kind = FailureKind.of(original);
    Case best = failing;
    GradientCheckResult bestResult = original;
    cache.put(Key.of(failing), original);
    boolean progress = true;
    while (progress && !outOfTime) {
      progress = false;
      for (String dim : best.dims().keySet()) {
        int min = minDims.getOrDefault(dim, 1);
        boolean deleted = true;
        while (deleted && best.dim(dim) > min && !outOfTime) {
          deleted = false;
          // an axis such as 2 * units may hold each unit's entries in blocks or side by side
          boolean[] layouts =
              CaseEdits.hasGroupedAxis(best, dim)
                  ? new boolean[] {false, true}
                  : new boolean[] {false};
          search:
          for (boolean interleaved : layouts) {
            // k == dim deletes the last entry of an axis such as pool + 1, which no unit owns alone
            for (int k = 0; k <= best.dim(dim) && !outOfTime; k++) {
              Case candidate;
              try {
                candidate = CaseEdits.deleteIndex(best, dim, k, interleaved);
                if (targets == TargetKind.CLASS_INDEX && dim.equals(classes)) {
                  candidate = CaseEdits.deleteClass(candidate, k);
                } else if (targets == TargetKind.ONE_HOT) {
                  candidate = CaseEdits.keepOneHot(candidate);
                } else if (targets == TargetKind.DISTRIBUTION) {
                  candidate = CaseEdits.keepDistribution(candidate);
                }
              } catch (IllegalArgumentException e) {
                break search; // a smaller value of this dim gives an invalid shape
              }
              GradientCheckResult r = evaluate(candidate, kind);
              if (r != null) {
                best = candidate;
                bestResult = r;
                accepted("deleted " + dim + " index " + k, candidate, r);
                deleted = true;
                progress = true;
                break search;
              }
            }
          }
        }
      }
      for (Shrunk tie = shrinkTieGroup(best, kind); tie != null; tie = shrinkTieGroup(best, kind)) {
        accepted("tied values simplified together", tie.smallest(), tie.result());
        best = tie.smallest();
        bestResult = tie.result();
        progress = true;
      }
      List<Tensor> tensors = best.tensors();
      for (int t = 0; t < tensors.size() && !outOfTime; t++) {
        int size = best.tensors().get(t).size();
        for (int i = 0; i < size && !outOfTime; i++) {
          for (Case candidate : candidates(best, t, i)) {
            GradientCheckResult r = evaluate(candidate, kind);
            if (r != null) {
              accepted(valueStep(best, candidate, t, i), candidate, r);
              best = candidate;
              bestResult = r;
              progress = true;
              break;
            }
            if (outOfTime) {
              break;
            }
          }
        }
      }
    }
    return new Shrunk(best, bestResult, steps, checks, cacheHits, outOfTime, List.copyOf(history));
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
