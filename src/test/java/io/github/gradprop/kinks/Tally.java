package io.github.gradprop.kinks;

import io.github.gradprop.CheckOptions;
import io.github.gradprop.GradientCheckResult;
import io.github.gradprop.Gradients;
import io.github.gradprop.model.Case;
import io.github.gradprop.model.GradientModel;
import java.util.ArrayList;
import java.util.List;

/** Runs a model on many generated cases and counts what the checks said. */
final class Tally {

  int tries;
  int failures;
  int confirmedFailures;
  int kinks;
  int artifacts;
  int unresolved;
  int refined;
  int casesWithKinks;
  long lossCalls;
  final List<GradientCheckResult> failed = new ArrayList<>();

  static Tally run(
      GradientModel model,
      KinkModels.Entry entry,
      KinkCases.Values values,
      int tries,
      long seed,
      CheckOptions options) {
    Tally t = new Tally();
    for (int i = 0; i < tries; i++) {
      Case c =
          KinkCases.draw(
              entry.correct().spec(), entry.targets(), values, entry.tweak(), seed + 1009L * i);
      t.add(Gradients.check(model, c, options));
    }
    return t;
  }

  void add(GradientCheckResult r) {
    tries++;
    if (!r.passed()) {
      failures++;
      if (r.confirmed()) {
        confirmedFailures++;
      }
      if (failed.size() < 5) {
        failed.add(r);
      }
    }
    kinks += r.kinkCount();
    artifacts += r.kinkArtifactCount();
    unresolved += r.unresolvedCount();
    refined += r.refinedCount();
    if (r.hasKinks()) {
      casesWithKinks++;
    }
    lossCalls += r.lossCalls();
  }

  Tally plus(Tally o) {
    Tally t = new Tally();
    t.tries = tries + o.tries;
    t.failures = failures + o.failures;
    t.confirmedFailures = confirmedFailures + o.confirmedFailures;
    t.kinks = kinks + o.kinks;
    t.artifacts = artifacts + o.artifacts;
    t.unresolved = unresolved + o.unresolved;
    t.refined = refined + o.refined;
    t.casesWithKinks = casesWithKinks + o.casesWithKinks;
    t.lossCalls = lossCalls + o.lossCalls;
    t.failed.addAll(failed);
    t.failed.addAll(o.failed);
    return t;
  }

  /** The first failing report, for assertion messages. */
  String firstFailure() {
    return failed.isEmpty() ? "(none)" : failed.get(0).report();
  }

  @Override
  public String toString() {
    return String.format(
        "tries %d, failures %d (confirmed %d), kinks %d in %d cases, kink artifacts %d, unresolved"
            + " %d, refined %d, loss calls per try %d",
        tries,
        failures,
        confirmedFailures,
        kinks,
        casesWithKinks,
        artifacts,
        unresolved,
        refined,
        tries == 0 ? 0 : lossCalls / tries);
  }
}
