package io.github.gradprop.internal.check;

import io.github.gradprop.internal.report.Numbers;
import io.github.gradprop.model.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects what a report should say about non-smoothness even when nothing fails: one example of
 * each kind and how many entries showed it.
 */
final class Notes {

  private int steep;
  private String steepExample;
  private int nonFinite;
  private String nonFiniteExample;
  private int strict;
  private String strictExample;
  private final StringBuilder ties = new StringBuilder();

  void steep(Tensor t, int i, double minus, double plus, double step) {
    if (steep++ == 0) {
      steepExample =
          String.format(
              "one-sided slopes %s (left) and %s (right) over a step of %s at %s%s",
              Numbers.small(minus),
              Numbers.small(plus),
              Numbers.small(step),
              t.name(),
              t.indexText(i));
    }
  }

  void nonFinite(Tensor t, int i, double theta, double offset, double value) {
    if (nonFinite++ == 0) {
      nonFiniteExample =
          String.format(
              "the loss is %s at %s%s %s %s, though finite at %s",
              value,
              t.name(),
              t.indexText(i),
              offset > 0 ? "+" : "-",
              Numbers.small(Math.abs(offset)),
              theta);
    }
  }

  void strict(Tensor t, int i, double minus, double plus) {
    if (strict++ == 0) {
      strictExample =
          String.format(
              "at %s%s the one-sided derivatives are %s (left) and %s (right)",
              t.name(), t.indexText(i), Numbers.small(minus), Numbers.small(plus));
    }
  }

  void tie(TieDirections.Finding f) {
    List<String> entries = f.entries();
    String shown =
        entries.size() <= 4
            ? String.join(", ", entries)
            : String.join(", ", entries.subList(0, 4)) + ", ... (" + entries.size() + " entries)";
    ties.append(ties.length() == 0 ? "" : "; ")
        .append(
            String.format(
                "moving %s together, the loss changes smoothly with slope %s, but the analytic"
                    + " gradient projects to %s",
                shown,
                Numbers.small(f.failure().numeric()),
                Numbers.small(f.failure().analytic())));
  }

  Map<String, String> facts() {
    Map<String, String> facts = new LinkedHashMap<>();
    if (strict > 0) {
      facts.put(
          "at kinks",
          String.format(
              "%d %s where the loss is not differentiable %s from the central difference; %s;"
                  + " correct code can fail KinkPolicy.STRICT at such points",
              strict,
              strict == 1 ? "entry" : "entries",
              strict == 1 ? "differs" : "differ",
              strictExample));
    }
    if (ties.length() > 0) {
      facts.put(
          "ties",
          ties
              + "; correct code agrees along a tie, here and a little further along it (a max"
              + " that passes the gradient to every tied input fails this)");
    }
    if (steep > 0) {
      facts.put(
          "steep",
          String.format(
              "%s%s: far steeper on one side, as where a log is clipped at eps",
              steepExample, steep == 1 ? "" : String.format(" (and %d more entries)", steep - 1)));
    }
    if (nonFinite > 0) {
      facts.put(
          "non-finite",
          String.format(
              "%s%s; checked with smaller steps",
              nonFiniteExample,
              nonFinite == 1 ? "" : String.format(" (and %d more entries)", nonFinite - 1)));
    }
    return facts;
  }
}
