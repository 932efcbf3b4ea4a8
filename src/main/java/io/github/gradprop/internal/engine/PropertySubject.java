package io.github.gradprop.internal.engine;

import io.github.gradprop.ModelConfigurationException;
import io.github.gradprop.PropertyConfigurationException;
import io.github.gradprop.internal.check.CallSlot;
import io.github.gradprop.internal.report.ContractMessages;
import io.github.gradprop.internal.report.PropertyMessages;
import io.github.gradprop.internal.report.PropertyReport;
import java.util.List;

/** One property as a {@link Watch} sees it: where it is, its messages and progress lines. */
final class PropertySubject implements Watch.Subject {

  private final PropertyRunner runner;
  private final PropertyRunner.Progress at;
  private final PropertySettings settings;

  PropertySubject(PropertyRunner runner) {
    this.runner = runner;
    this.at = runner.progress();
    this.settings = runner.settings();
  }

  private String origin() {
    int t = at.tryNumber;
    if (at.shrinking) {
      return "shrinking the failure of "
          + (t == 0 ? "the counterexample stored by the last run" : "try " + t);
    }
    return t == 0 ? "the counterexample stored by the last run" : "generated, try " + t;
  }

  private String replay() {
    return PropertyReport.replayHint(at.seed, runner.selector());
  }

  @Override
  public RuntimeException callTimedOut(CallSlot.Snapshot s, long limitMillis) {
    String message =
        CheckSubject.timedOut(
            s, limitMillis, "`callMillis`", "raise `callMillis` (or -Dgradprop.callMillis=...)");
    return new ModelConfigurationException(
        ContractMessages.inGeneratedCase(message, origin(), at.seed, replay()));
  }

  @Override
  public RuntimeException wholeTimedOut(
      long elapsedMillis, long limitMillis, CallSlot.Snapshot current) {
    return new PropertyConfigurationException(
        PropertyMessages.propertyTimedOut(
            runner.model().spec().name(),
            limitMillis,
            elapsedMillis,
            at.triesDone,
            settings.tries,
            origin(),
            at.seed,
            current == null ? null : current.call(),
            current == null ? null : current.dims(),
            replay()));
  }

  @Override
  public String progress(long elapsedMillis, List<CallSlot> slots) {
    if (at.shrinking) {
      return PropertyMessages.shrinkingProgress(
          runner.selector(), at.tryNumber, at.shrinkChecks, elapsedMillis, settings.shrinkMillis);
    }
    int done = 0;
    int total = 0;
    for (CallSlot slot : slots) {
      done += slot.entriesDone();
      total += slot.entriesTotal();
    }
    double fraction = (at.triesDone + (total == 0 ? 0 : done / (double) total)) / settings.tries;
    return PropertyMessages.progress(
        runner.selector(),
        Math.max(1, at.tryNumber),
        settings.tries,
        done,
        total,
        at.alongDirections,
        elapsedMillis,
        CheckSubject.left(elapsedMillis, fraction, 1));
  }

  @Override
  public RuntimeException crashed(VirtualMachineError e) {
    return new ModelConfigurationException(
        ContractMessages.inGeneratedCase(
            ContractMessages.crashed(runner.model().spec().name(), e), origin(), at.seed, replay()),
        e);
  }
}
