package io.github.gradprop.internal.check;

import io.github.gradprop.CheckOptions;
import io.github.gradprop.EntryCheck;
import io.github.gradprop.GradientCheckResult;
import io.github.gradprop.KinkPolicy;
import io.github.gradprop.ModelConfigurationException;
import io.github.gradprop.Verdict;
import io.github.gradprop.internal.verdict.EntryClassifier;
import io.github.gradprop.internal.verdict.EntryComparison;
import io.github.gradprop.model.Case;
import io.github.gradprop.model.GradientModel;
import io.github.gradprop.model.ModelSpec;
import io.github.gradprop.model.Parameters;
import io.github.gradprop.model.Tensor;
import io.github.gradprop.model.TensorSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks every gradient entry of one model on one case: the contract checks (determinism, no
 * mutation, shapes), then one finite-difference estimate per entry, perturbing a private copy of
 * the case in place and restoring each value bit for bit.
 */
public final class GradientChecker {

  private GradientChecker() {}

  public static GradientCheckResult check(GradientModel model, Case given, CheckOptions options) {
    ModelSpec spec = model.spec();
    if (spec == null) {
      throw new ModelConfigurationException("Model " + model + " returned a null spec()");
    }
    Case work = relayout(spec, given);
    Case snapshot = work.copy();
    Invoker invoker = new Invoker(model, spec.name(), work);

    double loss = invoker.loss("loss(...) at the given point");
    double again = invoker.loss("loss(...) at the given point, called a second time");
    if (Double.compare(loss, again) != 0) {
      throw new ModelConfigurationException(
          String.format(
              "Model `%s` is not deterministic: two calls of loss(...) on the same case returned"
                  + " %s and %s.%nCheck for random draws, caches or state kept between calls.",
              spec.name(), loss, again));
    }
    Contracts.checkUnchanged(spec.name(), "loss(...)", work, snapshot);

    Parameters gradient = invoker.gradient();
    Parameters second = invoker.gradient();
    Contracts.checkSameGradient(spec.name(), gradient, second);
    Contracts.checkUnchanged(spec.name(), "gradient(...)", work, snapshot);

    List<Tensor> targets = new ArrayList<>(work.parameters().tensors());
    List<Tensor> analytics = new ArrayList<>(gradient.tensors());
    if (model.hasInputGradient()) {
      Tensor inputs = work.batch().inputTensor();
      Tensor gx = invoker.inputGradient();
      Contracts.checkUnchanged(spec.name(), "inputGradient(...)", work, snapshot);
      targets.add(inputs);
      analytics.add(gx);
    }

    KinkPolicy policy = options.kinkPolicy();
    EntryClassifier classifier = new EntryClassifier(options);
    classifier.base(loss);
    Map<String, double[]> analyticByTensor = new LinkedHashMap<>();
    Map<String, double[]> numericByTensor = new LinkedHashMap<>();
    List<EntryCheck> failures = new ArrayList<>();
    List<EntryCheck> nonSmooth = new ArrayList<>();
    List<Suspect> suspects = new ArrayList<>();
    List<TieDirections.KinkEntry> kinkEntries = new ArrayList<>();
    List<double[]> analyticArrays = new ArrayList<>();
    Notes notes = new Notes();
    int kinkCount = 0;
    int unresolvedCount = 0;
    int refinedCount = 0;
    double largestAgreeing = 0;
    double maxRounding = 0;
    Invoker.Probe probe = invoker.probe();
    for (int k = 0; k < targets.size(); k++) {
      Tensor t = targets.get(k);
      Tensor g = analytics.get(k);
      double[] a = g.toArray();
      double[] n = new double[t.size()];
      probe.focus(t);
      for (int i = 0; i < n.length; i++) {
        double theta = t.get(i);
        probe.entry(i, theta);
        classifier.classify(probe, theta, Math.max(1, Math.abs(theta)), a[i]);
        t.set(i, theta);
        n[i] = classifier.numeric();
        maxRounding = Math.max(maxRounding, classifier.rounding());
        EntryClassifier.Kind kind = classifier.kind();
        if (classifier.steps() > 1) {
          refinedCount++;
          if (classifier.steep()) {
            notes.steep(
                t, i, classifier.steepMinus(), classifier.steepPlus(), classifier.steepStep());
          }
          if (classifier.nonFiniteNearby()) {
            notes.nonFinite(t, i, theta, classifier.nonFiniteOffset(), classifier.nonFiniteValue());
          }
        }
        if (kind == EntryClassifier.Kind.SMOOTH && classifier.agrees()) {
          largestAgreeing = Math.max(largestAgreeing, EntryComparison.relativeError(a[i], n[i]));
          continue;
        }
        switch (kind) {
          case NON_FINITE:
            failures.add(entry(t, i, a[i], n[i], classifier.tolerance(), Verdict.NON_FINITE));
            break;
          case SMOOTH:
            {
              EntryCheck e = entry(t, i, a[i], n[i], classifier.tolerance(), Verdict.MISMATCH);
              if (policy == KinkPolicy.STRICT) {
                failures.add(e);
              } else {
                suspects.add(new Suspect(k, e, false));
              }
              break;
            }
          case KINK:
            {
              kinkCount++;
              kinkEntries.add(
                  new TieDirections.KinkEntry(
                      k, i, classifier.slopeMinus(), classifier.slopePlus()));
              if (policy == KinkPolicy.STRICT) {
                if (!classifier.agrees()) {
                  failures.add(
                      entry(t, i, a[i], n[i], classifier.tolerance(), Verdict.MISMATCH_AT_KINK));
                  notes.strict(t, i, classifier.slopeMinus(), classifier.slopePlus());
                } else {
                  nonSmooth.add(entry(t, i, a[i], n[i], classifier.tolerance(), Verdict.KINK));
                }
              } else if (classifier.suspicious()) {
                suspects.add(
                    new Suspect(k, entry(t, i, a[i], n[i], classifier.tolerance(), Verdict.KINK), true));
              } else {
                nonSmooth.add(entry(t, i, a[i], n[i], classifier.tolerance(), Verdict.KINK));
              }
              break;
            }
          case UNRESOLVED:
            {
              unresolvedCount++;
              EntryCheck e = entry(t, i, a[i], n[i], classifier.tolerance(), Verdict.UNRESOLVED);
              if (policy == KinkPolicy.STRICT && classifier.nonFiniteNearby()) {
                failures.add(
                    entry(t, i, a[i], n[i], classifier.tolerance(), Verdict.NON_FINITE));
              } else if (policy != KinkPolicy.STRICT && classifier.suspicious()) {
                suspects.add(new Suspect(k, e, true));
              } else {
                nonSmooth.add(e);
              }
              break;
            }
          default:
            throw new IllegalStateException(String.valueOf(kind));
        }
      }
      analyticByTensor.put(t.name(), a);
      numericByTensor.put(t.name(), n);
      analyticArrays.add(a);
    }
    Contracts.checkUnchanged(
        spec.name(), "loss(...) during the finite-difference loop", work, snapshot);

    long extraCalls = 0;
    int artifactCount = 0;
    boolean rejected = false;
    Map<EntryCheck, EntryCheck> confirmationOf = new LinkedHashMap<>();
    Map<EntryCheck, List<String>> ties = new LinkedHashMap<>();
    if (policy == KinkPolicy.AVOID && kinkCount + unresolvedCount > 0) {
      rejected = true;
    } else if (!suspects.isEmpty()) {
      Confirmation confirmation = new Confirmation(model, spec.name(), work, classifier);
      Map<Suspect, EntryCheck> confirmed = confirmation.confirm(suspects);
      extraCalls += confirmation.lossCalls();
      classifier.base(loss);
      for (Suspect s : suspects) {
        EntryCheck there = confirmed.get(s);
        EntryCheck e = s.atPoint();
        if (there != null) {
          EntryCheck failure = withVerdict(e, Verdict.MISMATCH);
          failures.add(failure);
          confirmationOf.put(failure, there);
        } else {
          artifactCount++;
          if (s.atKink()) {
            // counted as a kink (or unresolved) already; the artifact is what it turned out to be
            if (e.verdict() == Verdict.KINK) {
              kinkCount--;
            } else {
              unresolvedCount--;
            }
          }
          nonSmooth.add(withVerdict(e, Verdict.KINK_ARTIFACT));
        }
      }
      if (policy == KinkPolicy.AVOID && artifactCount > 0) {
        rejected = true;
      }
    }
    if (!rejected) {
      TieDirections tieDirections =
          new TieDirections(
              invoker,
              classifier,
              loss,
              targets,
              analyticArrays,
              work.parameters().tensors().size());
      for (TieDirections.Finding f : tieDirections.check(kinkEntries)) {
        failures.add(f.failure());
        ties.put(f.failure(), f.entries());
        notes.tie(f);
      }
      Contracts.checkUnchanged(spec.name(), "loss(...) along tie directions", work, snapshot);
    }
    if (rejected) {
      failures.clear();
      confirmationOf.clear();
    }
    failures.sort(WORST_FIRST);
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
    GradientCheckResult.KinkFindings findings =
        new GradientCheckResult.KinkFindings(
            kinkCount,
            artifactCount,
            unresolvedCount,
            refinedCount,
            nonSmooth,
            confirmations,
            ties,
            notes.facts(),
            rejected);
    return new GradientCheckResult(
        spec.name(),
        work.dims(),
        options,
        loss,
        maxRounding,
        analyticByTensor,
        numericByTensor,
        failures,
        largestAgreeing,
        invoker.lossCalls() + extraCalls,
        findings);
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

  static final Comparator<EntryCheck> WORST_FIRST =
      Comparator.comparing((EntryCheck e) -> e.verdict() == Verdict.NON_FINITE ? 0 : 1)
          .thenComparing(
              (EntryCheck e) -> Double.isNaN(e.relativeError()) ? 0 : e.relativeError(),
              Comparator.reverseOrder())
          .thenComparing(EntryCheck::absoluteError, Comparator.reverseOrder());

  /** Copies {@code given} into a fresh case laid out as the model's spec says, checking shapes. */
  private static Case relayout(ModelSpec spec, Case given) {
    Map<String, Integer> dims = given.dims();
    Case work;
    try {
      work = Case.zeros(spec, dims);
    } catch (IllegalArgumentException e) {
      throw new ModelConfigurationException(
          String.format(
              "The case does not fit model `%s`: %s%nshape : %s", spec.name(), e.getMessage(), given.dimsText()),
          e);
    }
    Map<String, Tensor> source = new LinkedHashMap<>();
    for (Tensor t : given.tensors()) {
      source.put(t.name(), t);
    }
    for (Tensor t : work.tensors()) {
      Tensor from = source.get(t.name());
      if (from == null || !Arrays.equals(from.shape(), t.shape())) {
        TensorSpec declared = declared(spec, t.name());
        throw new ModelConfigurationException(
            String.format(
                "The case does not fit model `%s`: tensor `%s` is %s in the case, but %s = %s for %s",
                spec.name(),
                t.name(),
                from == null ? "missing" : Arrays.toString(from.shape()),
                declared,
                Arrays.toString(t.shape()),
                given.dimsText()));
      }
      t.copyFrom(from);
    }
    return work;
  }

  private static TensorSpec declared(ModelSpec spec, String name) {
    for (TensorSpec t : spec.allTensors()) {
      if (t.name().equals(name)) {
        return t;
      }
    }
    throw new IllegalStateException(name);
  }
}
