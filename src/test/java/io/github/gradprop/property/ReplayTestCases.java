package io.github.gradprop.property;

import io.github.gradprop.GradientCheck;
import io.github.gradprop.GradientProperty;
import io.github.gradprop.TargetKind;
import io.github.gradprop.testmodels.TanhMlp;

/** Fixture for {@link ReplayTests}: the bug is switched off between runs, as a user fixes it. */
class ReplayTestCases {

  static volatile boolean buggy = true;

  @GradientProperty(targets = TargetKind.REAL)
  void fixedBetweenRuns(GradientCheck check) {
    check.that(new TanhMlp(buggy ? TanhMlp.Bug.MISSING_DERIVATIVE : TanhMlp.Bug.NONE));
  }
}
