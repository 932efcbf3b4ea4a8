package io.github.gradprop.property;

import io.github.gradprop.GradientCheck;
import io.github.gradprop.GradientProperty;
import io.github.gradprop.TargetKind;
import io.github.gradprop.testmodels.LabelSoftmax;

/** Fixtures run through EngineTestKit by {@link ClassIndexTests}. */
class ClassIndexTestCases {

  static class Correct {
    @GradientProperty(targets = TargetKind.CLASS_INDEX, classes = "out", dims = "out = 1..5")
    void correct(GradientCheck check) {
      check.that(new LabelSoftmax(false));
    }
  }

  static class ForgetsBatchMean {
    @GradientProperty(targets = TargetKind.CLASS_INDEX, classes = "out", dims = "out = 1..5")
    void forgetsBatchMean(GradientCheck check) {
      check.that(new LabelSoftmax(true));
    }
  }

  static class WithoutClasses {
    @GradientProperty(targets = TargetKind.CLASS_INDEX)
    void withoutClasses(GradientCheck check) {
      check.that(new LabelSoftmax(false));
    }
  }

  static class UnknownClasses {
    @GradientProperty(targets = TargetKind.CLASS_INDEX, classes = "labels")
    void unknownClasses(GradientCheck check) {
      check.that(new LabelSoftmax(false));
    }
  }

  static class ClassesWithoutClassIndex {
    @GradientProperty(targets = TargetKind.REAL, classes = "out")
    void classesWithoutClassIndex(GradientCheck check) {
      check.that(new LabelSoftmax(false));
    }
  }

  static class DefaultOneHotOnLabels {
    @GradientProperty
    void defaultOneHotOnLabels(GradientCheck check) {
      check.that(new LabelSoftmax(false));
    }
  }
}
