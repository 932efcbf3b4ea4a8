package io.github.gradprop.internal.shrinking;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.github.gradprop.model.Case;
import io.github.gradprop.model.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * Tie-preserving value shrinking: entries whose magnitudes are equal form a group, and a candidate
 * moves the whole group at once to a simpler magnitude (each entry keeps its sign). Moving one
 * entry of a tie at a time breaks the tie, so a failure that lives only at the tie would stop
 * failing and the tie would keep its messy value; moved together it ends at {@code 0}, {@code 1} or
 * another simple number.
 */
@API(status = INTERNAL, since = "0.1")
public final class TieGroups {

  private TieGroups() {}

  /**
   * Candidates for the groups of at least two equal magnitudes among the entries of {@code c}'s
   * tensors numbered in {@code tensors}: for each group (largest complexity first), the case with
   * every member moved to each strictly simpler magnitude, simplest first. Each candidate is built
   * when the iteration reaches it: a large case with many tied values has more candidates than the
   * heap holds copies, and the shrinker stops at the first that fails the same way.
   */
  public static Iterable<Case> candidates(Case c, List<Integer> tensors) {
    Map<Double, List<int[]>> groups = new TreeMap<>();
    List<Tensor> all = c.tensors();
    for (int t : tensors) {
      Tensor x = all.get(t);
      for (int i = 0; i < x.size(); i++) {
        double a = Math.abs(x.get(i));
        if (a != 0 && Double.isFinite(a)) {
          groups.computeIfAbsent(a, k -> new ArrayList<>()).add(new int[] {t, i});
        }
      }
    }
    List<Map.Entry<Double, List<int[]>>> tied = new ArrayList<>();
    for (Map.Entry<Double, List<int[]>> g : groups.entrySet()) {
      if (g.getValue().size() >= 2) {
        tied.add(g);
      }
    }
    tied.sort(
        (p, q) ->
            Double.compare(
                SimpleValues.complexity(q.getKey()), SimpleValues.complexity(p.getKey())));
    List<Move> moves = new ArrayList<>();
    for (Map.Entry<Double, List<int[]>> g : tied) {
      for (double s : SimpleValues.simplerThan(g.getKey())) {
        if (s >= 0) { // magnitudes; the signs stay with the entries
          moves.add(new Move(g.getValue(), s));
        }
      }
    }
    return () -> moves.stream().map(m -> m.applyTo(c)).iterator();
  }

  /** One candidate, not yet built: every member of a group moved to the magnitude {@code to}. */
  private record Move(List<int[]> members, double to) {
    Case applyTo(Case c) {
      Case moved = c.copy();
      for (int[] at : members) {
        Tensor x = moved.tensors().get(at[0]);
        x.set(at[1], to == 0 ? 0.0 : Math.copySign(to, x.get(at[1])));
      }
      return moved;
    }
  }
}
