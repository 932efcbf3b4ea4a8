package io.github.gradprop.internal.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The golden text of the {@code found by} fact of a failure found along a direction. */
class PropertyReportTests {

  @Test
  void foundByDirections() {
    assertThat(
            PropertyReport.foundByDirections(
                "direction 2", 100_600, 0.125, 0.1245, 3.2e-11, List.of("w2"), false, true))
        .isEqualTo(
            "the directional check (random +-1 directions over all 100,600 entries, drawn from the"
                + " seed): along direction 2, the analytic projection is 0.125, finite differences"
                + " give 0.1245 (tolerance 3.2e-11); w2 disagrees when moved alone. The shrunk case"
                + " was checked entry by entry.");
  }

  @Test
  void foundByDirections_whenTheShrunkCaseGotNoEntryTable() {
    assertThat(
            PropertyReport.foundByDirections(
                "direction 1", 60_000, 2.0, 1.0, 1e-9, List.of("w1"), false, false))
        .endsWith(
            "w1 disagrees when moved alone. The shrunk case was checked along random"
                + " directions only.");
  }

  @Test
  void alongDirections_isAHeadlineFactsAndATableOfTheDisagreeingTensors() {
    List<io.github.gradprop.EntryCheck> failing =
        List.of(
            new io.github.gradprop.EntryCheck(
                "w2",
                new int[0],
                0,
                -3.25,
                -3.27,
                6e-3,
                4.5e-9,
                io.github.gradprop.Verdict.MISMATCH));
    assertThat(
            PropertyReport.alongDirections(
                "relu MLP", "batch=2 hidden=300", 2.5, failing, "no entry table: WHY"))
        .isEqualTo(
            "Analytic gradient disagrees with finite differences along a random direction, in w2"
                + " (no entry table: WHY)%n"
                + "model : relu MLP%n"
                + "shape : batch=2 hidden=300%n"
                + "loss  : 2.5%n"
                + "check : along a random direction of +-1 signs on every entry, drawn from the"
                + " seed; each row moves only that tensor's entries%n"
                + "%n"
                + "tensor  analytic projection  finite differences  tolerance%n"
                + "w2      -3.25                -3.27               4.5e-09",
            new Object[0]);
  }

  @Test
  void foundByDirections_atANearbyGenericPoint_inTwoTensors() {
    assertThat(
            PropertyReport.foundByDirections(
                "direction 1", 12, -1.5, -1.25, 1e-10, List.of("w1", "b1"), true, true))
        .isEqualTo(
            "the directional check (random +-1 directions over all 12 entries, drawn from the"
                + " seed): along direction 1 at a nearby generic point (the case sits on kinks),"
                + " the analytic projection is -1.5, finite differences give -1.25 (tolerance"
                + " 1.0e-10); w1, b1 disagree when moved alone. The shrunk case was checked entry"
                + " by entry.");
  }
}
