package io.github.gradprop.internal.check;

import io.github.gradprop.EntryCheck;
import io.github.gradprop.ModelConfigurationException;
import io.github.gradprop.Verdict;
import io.github.gradprop.internal.numerics.Stencil;
import io.github.gradprop.internal.verdict.Classification;
import io.github.gradprop.internal.verdict.EntryClassifier;
import io.github.gradprop.internal.verdict.EntryComparison;
import io.github.gradprop.model.Case;
import io.github.gradprop.model.GradientModel;
import io.github.gradprop.model.Parameters;
import io.github.gradprop.model.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Re-checks suspect entries at a nearby generic point, and if some do not disagree there, at its
 * mirror image (the move with the opposite sign), which lies on the other side of every kink the
 * first move crossed. At a generic point a correct backward pass is exact, so a disagreement there
 * is a wrong gradient; one that vanishes at both points was an artifact of the kinks and ties at
 * the given point. Costs one loss and one gradient call per point, and the classification of the
 * suspect entries only.
 */
final class Confirmation {

  private final GradientModel model;
  private final String name;
  private final Case work;
  private final EntryClassifier classifier;
  private final Stencil stencil = new Stencil();
  private long lossCalls;

  Confirmation(GradientModel model, String name, Case work, EntryClassifier classifier) {
    this.model = model;
    this.name = name;
    this.work = work;
    this.classifier = classifier;
  }

  /** The suspects that persist, each mapped to its check at the generic point that confirmed it. */
  Map<Suspect, EntryCheck> confirm(List<Suspect> suspects) {
    Map<Suspect, EntryCheck> confirmed = new LinkedHashMap<>();
    long seed = GenericPoint.seed(work);
    List<Suspect> open = new ArrayList<>(suspects);
    boolean moveInputs = true;
    for (double sign : new double[] {1, -1}) {
      if (open.isEmpty()) {
        break;
      }
      Case moved = GenericPoint.moved(work, seed, sign, moveInputs);
      Invoker invoker = new Invoker(model, name, moved);
      double loss;
      try {
        loss = invoker.loss("loss(...) at a nearby generic point");
      } catch (ModelConfigurationException e) {
        if (!moveInputs) {
          throw e;
        }
        moveInputs = false;
        lossCalls += invoker.lossCalls();
        moved = GenericPoint.moved(work, seed, sign, false);
        invoker = new Invoker(model, name, moved);
        loss = invoker.loss("loss(...) at a nearby generic point (inputs as given)");
      }
      List<Suspect> still = reclassify(open, invoker, moved, loss, confirmed);
      lossCalls += invoker.lossCalls();
      open = still;
    }
    return confirmed;
  }

  /** Classifies each open suspect at the moved point; returns those not confirmed there. */
  private List<Suspect> reclassify(
      List<Suspect> open,
      Invoker invoker,
      Case moved,
      double loss,
      Map<Suspect, EntryCheck> confirmed) {
    Parameters gradient = invoker.gradient();
    Tensor inputGradient = model.hasInputGradient() ? invoker.inputGradient() : null;
    List<Tensor> targets = new ArrayList<>(moved.parameters().tensors());
    List<Tensor> analytics = new ArrayList<>(gradient.tensors());
    if (inputGradient != null) {
      targets.add(moved.batch().inputTensor());
      analytics.add(inputGradient);
    }
    Invoker.Probe probe = invoker.probe();
    List<Suspect> still = new ArrayList<>();
    for (Suspect s : open) {
      Tensor t = targets.get(s.tensor());
      int i = s.atPoint().flatIndex();
      double theta = t.get(i);
      double a = analytics.get(s.tensor()).get(i);
      probe.focus(t);
      probe.entry(i, theta);
      Classification c =
          classifier.classify(stencil, probe, loss, theta, Math.max(1, Math.abs(theta)), a);
      t.set(i, theta);
      if (c.smoothMismatch()) {
        double n = c.numeric();
        confirmed.put(
            s,
            new EntryCheck(
                t.name(),
                t.index(i),
                i,
                a,
                n,
                EntryComparison.relativeError(a, n),
                c.tolerance(),
                Verdict.MISMATCH));
      } else {
        still.add(s);
      }
    }
    return still;
  }

  long lossCalls() {
    return lossCalls;
  }
}
