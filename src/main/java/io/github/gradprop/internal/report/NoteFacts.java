package io.github.gradprop.internal.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import org.apiguardian.api.API;

/**
 * What a check saw about non-smoothness that a report should mention even when nothing fails, as
 * numbers: the check collects them, {@link NoteText} renders them. Each kind keeps how many entries
 * showed it and its first example.
 *
 * @param strict entries at kinks that differ from the central difference (under STRICT)
 * @param ties tie directions along which the analytic projection disagreed
 * @param steep entries whose one-sided slopes are far apart, as where a log is clipped
 * @param nonFinite entries where the loss is not finite one step away
 * @param floatLikeLoss a loss whose values were all float-exact while probing its entries gave no
 *     evidence either way (NaN when there is nothing to note)
 */
@API(status = INTERNAL, since = "0.1")
public record NoteFacts(
    Counted<Slopes> strict,
    List<Tie> ties,
    Counted<Slopes> steep,
    Counted<NonFinite> nonFinite,
    double floatLikeLoss) {

  /** Copies the list. */
  public NoteFacts {
    ties = List.copyOf(ties);
  }

  /** Nothing to note. */
  public static NoteFacts none() {
    return new NoteFacts(Counted.none(), List.of(), Counted.none(), Counted.none(), Double.NaN);
  }

  /** How many entries showed a kind of note, and the first of them (null when none did). */
  public record Counted<T>(int count, T first) {

    /** No entry. */
    public static <T> Counted<T> none() {
      return new Counted<>(0, null);
    }

    /** One more entry; the first example is kept. */
    public Counted<T> plus(T example) {
      return new Counted<>(count + 1, count == 0 ? example : first);
    }
  }

  /**
   * One-sided slopes at an entry.
   *
   * @param entry the entry as text, e.g. {@code w1[0, 1]}
   * @param minus the left slope
   * @param plus the right slope
   * @param step the step over which they were measured (0 when not shown)
   */
  public record Slopes(String entry, double minus, double plus, double step) {}

  /**
   * A loss that is not finite one step away from an entry's value.
   *
   * @param entry the entry as text
   * @param theta the entry's value
   * @param offset the signed step at which the loss is not finite
   * @param value the loss there
   */
  public record NonFinite(String entry, double theta, double offset, double value) {}

  /**
   * A tie direction along which the loss is smooth but the analytic gradient disagrees.
   *
   * @param entries the tied entries moved together, as text
   * @param slope the directional derivative along the tie
   * @param projection the analytic gradient's projection on it
   */
  public record Tie(List<String> entries, double slope, double projection) {

    /** Copies the list. */
    public Tie {
      entries = List.copyOf(entries);
    }
  }
}
