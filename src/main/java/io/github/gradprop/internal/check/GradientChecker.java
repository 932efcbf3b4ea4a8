package io.github.gradprop.internal.check;

import io.github.gradprop.CheckOptions;
import io.github.gradprop.EntryCheck;
import io.github.gradprop.GradientCheckResult;
import io.github.gradprop.LossPrecision;
import io.github.gradprop.ModelConfigurationException;
import io.github.gradprop.Verdict;
import io.github.gradprop.internal.report.Numbers;
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

/**
 * Checks every gradient entry of one model on one case: the contract checks (determinism, no
 * mutation, shapes), then the classification of each entry (smooth, kink, unresolved, not finite;
 * see {@link EntryClassifier}), perturbing a private copy of the case in place and restoring each
 * value bit for bit; then, by the kink policy, the confirmation of suspect entries at a nearby
 * generic point ({@link Confirmation}) and the checks along tie directions ({@link TieDirections}).
 */
public final class GradientChecker {

  /** The advice every message about float rounding ends with. */
  public static final String DECLARE_FLOAT =
      "If the model computes in float, declare it:"
          + " CheckOptions.defaults().withLossPrecision(LossPrecision.FLOAT), or"
          + " @GradientProperty(precision = LossPrecision.FLOAT).";

  private GradientChecker() {}

  public static GradientCheckResult check(GradientModel model, Case given, CheckOptions options) {
    ModelSpec spec = model.spec();
    if (spec == null) {
      throw new ModelConfigurationException("Model " + model + " returned a null spec()");
    }
    spec.requireCheckable();
    Case work = relayout(spec, given);
    Case snapshot = work.copy();
    Invoker invoker = new Invoker(model, spec.name(), work);

    double loss = invoker.loss("loss(...) at the given point");
    // Mutation is checked before determinism: a loss that writes its arguments also returns a
    // different value the second time, and "modified its arguments" is the message that helps.
    Contracts.checkUnchanged(spec.name(), "loss(...)", work, snapshot);
    double again = invoker.loss("loss(...) at the given point, called a second time");
    if (Double.compare(loss, again) != 0) {
      throw new ModelConfigurationException(
          String.format(
              "Model `%s` is not deterministic: two calls of loss(...) on the same case returned"
                  + " %s and %s.%n%s",
              spec.name(), loss, again, Contracts.NONDETERMINISM_HINT));
    }
    Contracts.checkUnchanged(spec.name(), "loss(...)", work, snapshot);

    Parameters gradient = invoker.gradient();
    Contracts.checkUnchanged(spec.name(), "gradient(...)", work, snapshot);
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

    EntryClassifier classifier = new EntryClassifier(options);
    classifier.base(loss);
    Outcomes outcomes = new Outcomes(options.kinkPolicy(), options.atol());
    Map<String, double[]> analyticByTensor = new LinkedHashMap<>();
    Map<String, double[]> numericByTensor = new LinkedHashMap<>();
    List<double[]> analyticArrays = new ArrayList<>();
    Invoker.Probe probe = invoker.probe();
    ModelConfigurationException noisy = null;
    for (int k = 0; k < targets.size(); k++) {
      Tensor t = targets.get(k);
      double[] a = analytics.get(k).toArray();
      double[] n = new double[t.size()];
      probe.focus(t);
      for (int i = 0; i < n.length; i++) {
        double theta = t.get(i);
        probe.entry(i, theta);
        classifier.classify(probe, theta, Math.max(1, Math.abs(theta)), a[i]);
        t.set(i, theta);
        if (classifier.noisy() && noisy == null) {
          noisy = noisyLoss(spec.name(), t, i, classifier, options, work);
        }
        n[i] = classifier.numeric();
        outcomes.record(k, t, i, theta, a[i], classifier);
      }
      analyticByTensor.put(t.name(), a);
      numericByTensor.put(t.name(), n);
      analyticArrays.add(a);
    }
    Contracts.checkUnchanged(
        spec.name(), "loss(...) during the finite-difference loop", work, snapshot);
    if (options.lossPrecision() == LossPrecision.DOUBLE && invoker.lossLooksFloat()) {
      throw new ModelConfigurationException(
          String.format(
              "Model `%s` returns losses that are all exactly float values (loss %s at the given"
                  + " point): it computes in float, but the check assumes double precision, whose"
                  + " step is far too small for float rounding.%n%s%nshape : %s",
              spec.name(), loss, DECLARE_FLOAT, work.dimsText()));
    }
    if (noisy != null) {
      throw noisy;
    }

    long extraCalls = 0;
    if (outcomes.avoidsKinks()) {
      outcomes.reject();
    } else if (!outcomes.suspects.isEmpty()) {
      Confirmation confirmation = new Confirmation(model, spec.name(), work, classifier);
      outcomes.settle(confirmation.confirm(outcomes.suspects));
      extraCalls += confirmation.lossCalls();
      classifier.base(loss);
    }
    if (!outcomes.rejected) {
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
    GradientCheckResult.KinkFindings findings = outcomes.findings(targets);
    return new GradientCheckResult(
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
        findings);
  }

  static final Comparator<EntryCheck> WORST_FIRST =
      Comparator.comparing((EntryCheck e) -> e.verdict() == Verdict.NON_FINITE ? 0 : 1)
          .thenComparing(
              (EntryCheck e) -> Double.isNaN(e.relativeError()) ? 0 : e.relativeError(),
              Comparator.reverseOrder())
          .thenComparing(EntryCheck::absoluteError, Comparator.reverseOrder());

  private static ModelConfigurationException noisyLoss(
      String model, Tensor t, int i, EntryClassifier c, CheckOptions options, Case work) {
    double[] g = c.noisyGaps();
    boolean isDouble = options.lossPrecision() == LossPrecision.DOUBLE;
    return new ModelConfigurationException(
        String.format(
            "Model `%s` has a loss too noisy to check at %s precision: moving %s%s, the one-sided"
                + " slopes drift apart as the step shrinks (they differ by %s at step %s and by %s"
                + " at step %s), where a smooth loss would bring them together and a kink would"
                + " keep them apart.%n"
                + "No verdict is possible, so the check does not pass.%n"
                + "%s%n"
                + "shape : %s",
            model,
            isDouble ? "double" : "float",
            t.name(),
            t.indexText(i),
            Numbers.small(g[0]),
            Numbers.small(g[1]),
            Numbers.small(g[2]),
            Numbers.small(g[3]),
            isDouble
                ? DECLARE_FLOAT
                : "Check the loss for randomness or for values rounded coarser than float.",
            work.dimsText()));
  }

  /** Copies {@code given} into a fresh case laid out as the model's spec says, checking shapes. */
  private static Case relayout(ModelSpec spec, Case given) {
    Map<String, Integer> dims = given.dims();
    Case work;
    try {
      work = Case.zeros(spec, dims);
    } catch (IllegalArgumentException e) {
      throw new ModelConfigurationException(
          String.format(
              "The case does not fit model `%s`: %s%nshape : %s",
              spec.name(), e.getMessage(), given.dimsText()),
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
