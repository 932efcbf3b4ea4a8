package io.github.gradprop.internal.check;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.github.gradprop.CheckOptions;
import io.github.gradprop.EntryCheck;
import io.github.gradprop.GradientCheckResult;
import io.github.gradprop.LossPrecision;
import io.github.gradprop.ModelConfigurationException;
import io.github.gradprop.PropertyConfigurationException;
import io.github.gradprop.Verdict;
import io.github.gradprop.internal.report.ContractMessages;
import io.github.gradprop.internal.verdict.Classification;
import io.github.gradprop.internal.verdict.EntryClassifier;
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
import org.apiguardian.api.API;

/**
 * Checks every gradient entry of one model on one case: the contract checks (determinism, no
 * mutation, shapes), then the classification of each entry (smooth, kink, unresolved, not finite;
 * see {@link EntryClassifier}), perturbing a private copy of the case in place and restoring each
 * value bit for bit; then, by the kink policy, the confirmation of suspect entries at a nearby
 * generic point ({@link Confirmation}) and the checks along tie directions ({@link TieDirections}).
 */
@API(status = INTERNAL, since = "0.1")
public final class GradientChecker {

  /** The advice every message about float rounding ends with. */
  private GradientChecker() {}

  /** Checks {@code model} on {@code given}: contract, entries, confirmation, ties. */
  public static GradientCheckResult check(GradientModel model, Case given, CheckOptions options) {
    ModelSpec spec = model.spec();
    if (spec == null) {
      throw new ModelConfigurationException(ContractMessages.nullSpec(model));
    }
    spec.requireCheckable();
    requireAffordable(model, spec, given, options);
    Run run = new Run(model, spec, relayout(spec, given), options);
    run.contract();
    run.entries();
    run.confirmation();
    run.ties();
    return run.result();
  }

  /** One check of one model on one case: the state its steps share, never shared across checks. */
  private static final class Run {
    private final GradientModel model;
    private final ModelSpec spec;
    private final Case work;
    private final Case snapshot;
    private final CheckOptions options;
    private final Invoker invoker;
    private final EntryClassifier classifier;
    private final Outcomes outcomes;
    private final List<Tensor> targets = new ArrayList<>();
    private final List<double[]> analyticArrays = new ArrayList<>();
    private final Map<String, double[]> analyticByTensor = new LinkedHashMap<>();
    private final Map<String, double[]> numericByTensor = new LinkedHashMap<>();
    private List<Tensor> analytics;
    private double loss;
    private long lossNanos;
    private long extraCalls;

    Run(GradientModel model, ModelSpec spec, Case work, CheckOptions options) {
      this.model = model;
      this.spec = spec;
      this.work = work;
      this.snapshot = work.copy();
      this.options = options;
      this.invoker = new Invoker(model, spec.name(), work);
      this.classifier = new EntryClassifier(options);
      this.outcomes = new Outcomes(options.kinkPolicy(), options.atol());
    }

    /** The contract: no mutation, determinism, and gradients of the declared shapes. */
    void contract() {
      loss = invoker.loss("loss(...) at the given point");
      // Mutation is checked before determinism: a loss that writes its arguments also returns a
      // different value the second time, and "modified its arguments" is the message that helps.
      Contracts.checkUnchanged(spec.name(), "loss(...)", work, snapshot);
      long start = System.nanoTime();
      double again = invoker.loss("loss(...) at the given point, called a second time");
      lossNanos = System.nanoTime() - start;
      if (Double.compare(loss, again) != 0) {
        throw new ModelConfigurationException(
            ContractMessages.lossNotDeterministic(spec.name(), loss, again));
      }
      Contracts.checkUnchanged(spec.name(), "loss(...)", work, snapshot);

      Parameters gradient = invoker.gradient();
      Contracts.checkUnchanged(spec.name(), "gradient(...)", work, snapshot);
      Parameters second = invoker.gradient();
      Contracts.checkSameGradient(spec.name(), gradient, second);
      Contracts.checkUnchanged(spec.name(), "gradient(...)", work, snapshot);

      targets.addAll(invoker.targets(model.hasInputGradient()));
      analytics = new ArrayList<>(gradient.tensors());
      if (model.hasInputGradient()) {
        analytics.add(invoker.inputGradient());
        Contracts.checkUnchanged(spec.name(), "inputGradient(...)", work, snapshot);
      }
    }

    /**
     * Classifies every entry, perturbing private copies in place (one per worker thread) and
     * restoring them; then records the entries in order, as one thread would have.
     */
    void entries() {
      EntrySweep sweep = new EntrySweep(invoker, classifier, loss, targets, analytics);
      sweep.run(options.threads(), !options.threadsSet(), lossNanos, model.hasInputGradient());
      ModelConfigurationException noisy = null;
      List<EntrySweep.Found> found = sweep.found();
      int next = 0;
      for (int k = 0; k < targets.size(); k++) {
        Tensor t = targets.get(k);
        double[] a = sweep.analytic(k);
        double[] n = sweep.numeric(k);
        for (int i = 0; i < n.length; i++) {
          EntrySweep.Found f = next < found.size() ? found.get(next) : null;
          if (f == null || f.tensor() != k || f.index() != i) {
            outcomes.agreement(a[i], n[i], 0);
            continue;
          }
          next++;
          Classification c = f.c();
          if (c.noisy() && noisy == null) {
            noisy = noisyLoss(spec.name(), t, i, c.noise(), options, work);
          }
          outcomes.record(k, t, i, t.get(i), a[i], c);
        }
        analyticByTensor.put(t.name(), a);
        numericByTensor.put(t.name(), n);
        analyticArrays.add(a);
      }
      outcomes.agreement(0, 0, sweep.maxRounding());
      String during = "loss(...) during the finite-difference loop";
      Contracts.checkUnchanged(spec.name(), during, work, snapshot);
      for (Case copy : sweep.copies()) {
        Contracts.checkUnchanged(spec.name(), during, copy, snapshot);
      }
      checkPrecision();
      if (noisy != null) {
        throw noisy;
      }
    }

    /**
     * Float-exact losses alone do not prove a float loss (a double loss near 1e-10 is rounded that
     * coarsely too); only the probe's evidence fails the check, and no evidence is a note.
     */
    private void checkPrecision() {
      if (options.lossPrecision() != LossPrecision.DOUBLE || !invoker.lossLooksFloat()) {
        return;
      }
      FloatProbe.Finding f =
          FloatProbe.probe(
              invoker.probe(), targets, analyticArrays, work.parameters().tensors().size());
      Contracts.checkUnchanged(spec.name(), "loss(...) probing its precision", work, snapshot);
      if (f == FloatProbe.Finding.FLOAT) {
        throw new ModelConfigurationException(
            ContractMessages.computesInFloat(spec.name(), loss, work.dimsText()));
      }
      if (f == FloatProbe.Finding.AMBIGUOUS) {
        outcomes.notes.floatLike(loss);
      }
    }

    /** By the kink policy: rejects the case, or confirms suspects at a nearby generic point. */
    void confirmation() {
      if (outcomes.avoidsKinks()) {
        outcomes.reject();
      } else if (!outcomes.suspects.isEmpty()) {
        Confirmation confirmation = new Confirmation(model, spec.name(), work, classifier);
        outcomes.settle(confirmation.confirm(outcomes.suspects));
        extraCalls += confirmation.lossCalls();
      }
    }

    /** Checks the directions along which kink entries are tied. */
    void ties() {
      if (outcomes.rejected) {
        return;
      }
      TieDirections tieDirections =
          new TieDirections(
              invoker,
              classifier,
              loss,
              targets,
              analyticArrays,
              work.parameters().tensors().size());
      for (TieDirections.Finding f : tieDirections.check(outcomes.kinkEntries)) {
        outcomes.tie(f);
      }
      Contracts.checkUnchanged(spec.name(), "loss(...) along tie directions", work, snapshot);
    }

    GradientCheckResult result() {
      KinkFindings findings = outcomes.findings(targets);
      return new CheckResult(
          spec.name(),
          work.dims(),
          options,
          loss,
          outcomes.maxRounding,
          analyticByTensor,
          numericByTensor,
          outcomes.failures,
          outcomes.largestAgreeing,
          invoker.lossCalls() + extraCalls,
          findings,
          spec,
          null);
    }
  }

  static final Comparator<EntryCheck> WORST_FIRST =
      Comparator.comparing((EntryCheck e) -> e.verdict() == Verdict.NON_FINITE ? 0 : 1)
          .thenComparing(
              (EntryCheck e) -> Double.isNaN(e.relativeError()) ? 0 : e.relativeError(),
              Comparator.reverseOrder())
          .thenComparing(EntryCheck::absoluteError, Comparator.reverseOrder());

  private static ModelConfigurationException noisyLoss(
      String model, Tensor t, int i, Classification.Noise g, CheckOptions options, Case work) {
    boolean isDouble = options.lossPrecision() == LossPrecision.DOUBLE;
    return new ModelConfigurationException(
        ContractMessages.tooNoisy(
            model,
            isDouble,
            t.name() + t.indexText(i),
            g.coarseGap(),
            g.coarseStep(),
            g.fineGap(),
            g.fineStep(),
            work.dimsText()));
  }

  /** Fails fast, before any call, when the check would need more loss calls than allowed. */
  private static void requireAffordable(
      GradientModel model, ModelSpec spec, Case given, CheckOptions options) {
    CheckCost cost = CheckCost.of(spec, given.dims(), model.hasInputGradient(), options.scheme());
    if (cost != null && cost.lossCalls() > options.maxLossCalls()) {
      throw new PropertyConfigurationException(
          ContractMessages.checkTooLarge(
              spec.name(),
              given.dimsText(),
              cost.parameters(),
              cost.inputs(),
              cost.lossCalls(),
              options.maxLossCalls()));
    }
  }

  /** Copies {@code given} into a fresh case laid out as the model's spec says, checking shapes. */
  static Case relayout(ModelSpec spec, Case given) {
    Map<String, Integer> dims = given.dims();
    Case work;
    try {
      work = Case.zeros(spec, dims);
    } catch (IllegalArgumentException e) {
      throw new ModelConfigurationException(
          ContractMessages.caseDoesNotFit(spec.name(), e.getMessage(), given.dimsText()), e);
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
            ContractMessages.tensorDoesNotFit(
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
