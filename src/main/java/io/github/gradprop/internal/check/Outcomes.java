package io.github.gradprop.internal.check;

import io.github.gradprop.EntryCheck;
import io.github.gradprop.KinkPolicy;
import io.github.gradprop.Verdict;
import io.github.gradprop.internal.verdict.Classification;
import io.github.gradprop.internal.verdict.EntryComparison;
import io.github.gradprop.model.Tensor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the check of one case has found so far, entry by entry and then after confirmation and the
 * tie directions; turns each classification into a verdict according to the {@link KinkPolicy}.
 * Only entries that do not simply agree allocate anything.
 */
final class Outcomes {

  private final KinkPolicy policy;
  final List<EntryCheck> failures = new ArrayList<>();
  private final List<EntryCheck> nonSmooth = new ArrayList<>();
  final List<Suspect> suspects = new ArrayList<>();
  final List<TieDirections.KinkEntry> kinkEntries = new ArrayList<>();
  final Notes notes = new Notes();
  private final Map<EntryCheck, EntryCheck> confirmationOf = new LinkedHashMap<>();
  private final Map<EntryCheck, List<String>> ties = new LinkedHashMap<>();
  int kinkCount;
  int unresolvedCount;
  int refinedCount;
  int artifactCount;
  boolean rejected;
  double largestAgreeing;
  double maxRounding;

  private final double atol;

  Outcomes(KinkPolicy policy, double atol) {
    this.atol = atol;
    this.policy = policy;
  }

  /** Records entry {@code i} of tensor {@code k} as the classifier just saw it. */
  void record(int k, Tensor t, int i, double theta, double a, Classification c) {
    double n = c.numeric();
    maxRounding = Math.max(maxRounding, c.rounding());
    if (c.steps() > 1) {
      refinedCount++;
      if (c.steep() != null) {
        notes.steep(t, i, c.steep().minus(), c.steep().plus(), c.steep().step());
      }
      if (c.nonFiniteNearby() != null) {
        notes.nonFinite(t, i, theta, c.nonFiniteNearby().offset(), c.nonFiniteNearby().value());
      }
    }
    Classification.Kind kind = c.kind();
    if (c.smoothAgreement()) {
      agreeing(a, n);
      return;
    }
    switch (kind) {
      case NON_FINITE:
        failures.add(entry(t, i, a, n, c.tolerance(), Verdict.NON_FINITE));
        return;
      case SMOOTH:
        {
          EntryCheck e = entry(t, i, a, n, c.tolerance(), Verdict.MISMATCH);
          if (policy == KinkPolicy.STRICT) {
            failures.add(e);
          } else {
            suspects.add(new Suspect(k, e, false));
          }
          return;
        }
      case KINK:
        recordKink(k, t, i, a, c);
        return;
      case UNRESOLVED:
        recordUnresolved(k, t, i, a, c);
        return;
      default:
        throw new IllegalStateException(String.valueOf(kind));
    }
  }

  /**
   * Records an entry that agreed at the first step (analytic {@code a}, estimate {@code n}), with
   * the rounding allowance there; the same as {@link #record} with its classification.
   */
  void agreement(double a, double n, double rounding) {
    maxRounding = Math.max(maxRounding, rounding);
    agreeing(a, n);
  }

  private void agreeing(double a, double n) {
    // entries within atol of each other pass on the absolute tolerance; their relative error
    // (1 for 0 against 1e-12) says nothing about accuracy
    if (Math.abs(a - n) > atol) {
      largestAgreeing = Math.max(largestAgreeing, EntryComparison.relativeError(a, n));
    }
  }

  private void recordKink(int k, Tensor t, int i, double a, Classification c) {
    kinkCount++;
    kinkEntries.add(new TieDirections.KinkEntry(k, i, c.slopeMinus(), c.slopePlus()));
    EntryCheck e = entry(t, i, a, c.numeric(), c.tolerance(), Verdict.KINK);
    if (policy == KinkPolicy.STRICT && !c.agrees()) {
      failures.add(withVerdict(e, Verdict.MISMATCH_AT_KINK));
      notes.strict(t, i, c.slopeMinus(), c.slopePlus());
    } else if (policy != KinkPolicy.STRICT && c.suspicious()) {
      suspects.add(new Suspect(k, e, true));
    } else {
      nonSmooth.add(e);
    }
  }

  private void recordUnresolved(int k, Tensor t, int i, double a, Classification c) {
    unresolvedCount++;
    EntryCheck e = entry(t, i, a, c.numeric(), c.tolerance(), Verdict.UNRESOLVED);
    if (policy == KinkPolicy.STRICT && c.nonFiniteNearby() != null) {
      failures.add(withVerdict(e, Verdict.NON_FINITE));
    } else if (policy != KinkPolicy.STRICT && c.suspicious()) {
      suspects.add(new Suspect(k, e, true));
    } else {
      nonSmooth.add(e);
    }
  }

  /** Whether {@link KinkPolicy#AVOID} should reject the case before any confirmation. */
  boolean avoidsKinks() {
    return policy == KinkPolicy.AVOID && kinkCount + unresolvedCount > 0;
  }

  /** Rejects the case: no verdict, so no failures; suspects at kinks stay counted as such. */
  void reject() {
    rejected = true;
    for (Suspect s : suspects) {
      if (s.atKink()) {
        nonSmooth.add(s.atPoint());
      }
    }
    suspects.clear();
    failures.clear();
    confirmationOf.clear();
    ties.clear();
  }

  /** Turns each suspect into a confirmed mismatch or a kink artifact. */
  void settle(Map<Suspect, EntryCheck> confirmed) {
    for (Suspect s : suspects) {
      EntryCheck there = confirmed.get(s);
      EntryCheck e = s.atPoint();
      if (there != null) {
        EntryCheck failure = withVerdict(e, Verdict.MISMATCH);
        failures.add(failure);
        confirmationOf.put(failure, there);
      } else {
        artifactCount++;
        if (e.verdict() == Verdict.KINK) {
          kinkCount--; // it was counted as a kink; it turned out to be an artifact
        } else if (e.verdict() == Verdict.UNRESOLVED) {
          unresolvedCount--;
        }
        nonSmooth.add(withVerdict(e, Verdict.KINK_ARTIFACT));
      }
    }
    suspects.clear();
    if (policy == KinkPolicy.AVOID && artifactCount > 0) {
      reject();
    }
  }

  void tie(TieDirections.Finding f) {
    failures.add(f.failure());
    ties.put(f.failure(), f.entries());
    notes.tie(f);
  }

  /** Sorts failures worst first and the other entries in checking order; the kink findings. */
  KinkFindings findings(List<Tensor> targets) {
    failures.sort(GradientChecker.WORST_FIRST);
    List<EntryCheck> confirmations = new ArrayList<>();
    for (EntryCheck f : failures) {
      EntryCheck there = confirmationOf.get(f);
      if (there != null) {
        confirmations.add(there);
      }
    }
    Map<String, Integer> position = new LinkedHashMap<>();
    for (int k = 0; k < targets.size(); k++) {
      position.put(targets.get(k).name(), k);
    }
    nonSmooth.sort(
        Comparator.comparing((EntryCheck e) -> position.get(e.tensor()))
            .thenComparing(EntryCheck::flatIndex));
    return new KinkFindings(
        kinkCount,
        artifactCount,
        unresolvedCount,
        refinedCount,
        nonSmooth,
        confirmations,
        ties,
        notes.facts(),
        rejected);
  }

  private static EntryCheck entry(
      Tensor t, int i, double a, double n, double tolerance, Verdict verdict) {
    return new EntryCheck(
        t.name(), t.index(i), i, a, n, EntryComparison.relativeError(a, n), tolerance, verdict);
  }

  private static EntryCheck withVerdict(EntryCheck e, Verdict verdict) {
    return new EntryCheck(
        e.tensor(),
        e.index(),
        e.flatIndex(),
        e.analytic(),
        e.numeric(),
        e.relativeError(),
        e.tolerance(),
        verdict);
  }
}
