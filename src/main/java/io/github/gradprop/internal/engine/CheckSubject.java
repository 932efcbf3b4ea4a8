package io.github.gradprop.internal.engine;

import io.github.gradprop.ModelConfigurationException;
import io.github.gradprop.internal.check.CallSlot;
import io.github.gradprop.internal.report.ContractMessages;
import io.github.gradprop.internal.report.PropertyMessages;
import io.github.gradprop.model.GradientModel;
import java.util.List;

/** One {@code Gradients.check} as a {@link Watch} sees it: its messages and progress lines. */
final class CheckSubject implements Watch.Subject {

  private final GradientModel model;

  CheckSubject(GradientModel model) {
    this.model = model;
  }

  private String name() {
    return model.spec() == null ? String.valueOf(model) : model.spec().name();
  }

  @Override
  public RuntimeException callTimedOut(CallSlot.Snapshot s, long limitMillis) {
    return new ModelConfigurationException(
        timedOut(
            s,
            limitMillis,
            "`callMillis`",
            "raise it with CheckOptions.defaults().withCallMillis(...)"));
  }

  static String timedOut(CallSlot.Snapshot s, long limitMillis, String attribute, String raise) {
    return ContractMessages.callTimedOut(
        s.model(),
        s.call(),
        s.entry(),
        s.from(),
        s.to(),
        s.moved(),
        s.dims(),
        s.elapsedNanos() / 1_000_000,
        attribute + " = " + limitMillis + " ms",
        raise);
  }

  @Override
  public RuntimeException wholeTimedOut(
      long elapsedMillis, long limitMillis, CallSlot.Snapshot current) {
    throw new IllegalStateException("a single check has no limit of its own");
  }

  @Override
  public String progress(long elapsedMillis, List<CallSlot> slots) {
    int done = 0;
    int total = 0;
    for (CallSlot slot : slots) {
      done += slot.entriesDone();
      total += slot.entriesTotal();
    }
    if (total == 0) {
      return null;
    }
    return PropertyMessages.checkProgress(
        name(), done, total, elapsedMillis, left(elapsedMillis, done, total));
  }

  /** The time left if the rest goes as fast as what is done; -1 before anything is done. */
  static long left(long elapsedMillis, double done, double total) {
    return done <= 0 ? -1 : Math.round(elapsedMillis * (total - done) / done);
  }

  @Override
  public RuntimeException crashed(VirtualMachineError e) {
    return new ModelConfigurationException(ContractMessages.crashed(name(), e), e);
  }
}
