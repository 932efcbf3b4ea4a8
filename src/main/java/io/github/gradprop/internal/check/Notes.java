package io.github.gradprop.internal.check;

import io.github.gradprop.internal.report.NoteFacts;
import io.github.gradprop.internal.report.NoteFacts.Counted;
import io.github.gradprop.internal.report.NoteFacts.NonFinite;
import io.github.gradprop.internal.report.NoteFacts.Slopes;
import io.github.gradprop.internal.report.NoteFacts.Tie;
import io.github.gradprop.model.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects, during one check, what a report should say about non-smoothness even when nothing
 * fails: one example of each kind and how many entries showed it. Rendering is {@code
 * internal.report}'s job ({@code NoteText}); this class only gathers numbers.
 */
final class Notes {

  private Counted<Slopes> steep = Counted.none();
  private Counted<NonFinite> nonFinite = Counted.none();
  private Counted<Slopes> strict = Counted.none();
  private final List<Tie> ties = new ArrayList<>();
  private double floatLikeLoss = Double.NaN;

  void steep(Tensor t, int i, double minus, double plus, double step) {
    steep = steep.plus(new Slopes(t.name() + t.indexText(i), minus, plus, step));
  }

  void nonFinite(Tensor t, int i, double theta, double offset, double value) {
    nonFinite = nonFinite.plus(new NonFinite(t.name() + t.indexText(i), theta, offset, value));
  }

  void strict(Tensor t, int i, double minus, double plus) {
    strict = strict.plus(new Slopes(t.name() + t.indexText(i), minus, plus, 0));
  }

  void tie(TieDirections.Finding f) {
    ties.add(new Tie(f.entries(), f.failure().numeric(), f.failure().analytic()));
  }

  void floatLike(double loss) {
    floatLikeLoss = loss;
  }

  NoteFacts facts() {
    return new NoteFacts(strict, ties, steep, nonFinite, floatLikeLoss);
  }
}
