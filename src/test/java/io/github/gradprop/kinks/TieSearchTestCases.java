package io.github.gradprop.kinks;

import io.github.gradprop.GradientCheck;
import io.github.gradprop.GradientProperty;
import io.github.gradprop.TargetKind;

/**
 * Fixture for {@link TieSearchTests}: tie-only routing bugs and their correct twins under the
 * default generation (only the target kind is given, since the targets are real numbers).
 */
class TieSearchTestCases {

  static class MaxoutEveryTied {
    @GradientProperty(targets = TargetKind.REAL, tries = 100)
    void maxout(GradientCheck check) {
      check.that(new MaxoutNet(Routing.EVERY_TIED));
    }
  }

  static class OverlapPoolEveryTied {
    @GradientProperty(targets = TargetKind.REAL, tries = 100)
    void overlappingPool(GradientCheck check) {
      check.that(new OverlapPoolNet(Routing.EVERY_TIED));
    }
  }

  static class MedianEveryTied {
    @GradientProperty(targets = TargetKind.REAL, tries = 100)
    void median(GradientCheck check) {
      check.that(new MedianNet(false));
    }
  }

  static class MaxoutCorrect {
    @GradientProperty(targets = TargetKind.REAL, tries = 1000)
    void maxout(GradientCheck check) {
      check.that(new MaxoutNet(Routing.FIRST_OF_TIES));
    }
  }

  static class OverlapPoolCorrect {
    @GradientProperty(targets = TargetKind.REAL, tries = 1000)
    void overlappingPool(GradientCheck check) {
      check.that(new OverlapPoolNet(Routing.FIRST_OF_TIES));
    }
  }

  static class MedianCorrect {
    @GradientProperty(targets = TargetKind.REAL, tries = 1000)
    void median(GradientCheck check) {
      check.that(new MedianNet(true));
    }
  }
}
