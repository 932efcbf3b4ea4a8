package io.github.gradprop.property;

import static io.github.gradprop.property.PropertyFixtures.failures;
import static io.github.gradprop.property.PropertyFixtures.line;
import static io.github.gradprop.property.PropertyFixtures.onlyFailure;
import static io.github.gradprop.property.PropertyFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.gradprop.Gradients;
import io.github.gradprop.model.Case;
import io.github.gradprop.testmodels.MaskedMean;
import org.junit.jupiter.api.Test;

class DataTensorTests {

  @Test
  void aModelWithAMask_passesWhenItsBackwardIsRight() {
    for (long seed = 1; seed <= 3; seed++) {
      assertThat(failures(run(DataTensorTestCases.Correct.class, seed))).isEmpty();
    }
  }

  @Test
  void aBackwardThatForgetsTheMask_shrinksToOnePosition_withTheMaskPrinted() {
    for (long seed = 1; seed <= 3; seed++) {
      String message = onlyFailure(run(DataTensorTestCases.ForgetsMask.class, seed)).getMessage();
      assertThat(line(message, "shape"))
          .as("seed %d", seed)
          .isEqualTo("shape     : batch=1 seq=1 d=1 out=1");
      assertThat(message).contains("  mask    = {{");
    }
  }

  @Test
  void dataTensors_areBuiltFromArrays_andCheckedLikeAnyOther() {
    MaskedMean model = new MaskedMean(false);
    Case c =
        Case.builder(model.spec())
            .inputs(new double[][][] {{{1.0}, {2.0}}})
            .data("mask", new double[][] {{1.0, 0.0}})
            .parameter("w", new double[] {0.5})
            .targets(new double[][] {{3.0}})
            .build();
    assertThat(c.dimsText()).isEqualTo("batch=1 seq=2 d=1 out=1");
    assertThat(c.batch().data("mask").toArray()).containsExactly(1.0, 0.0);
    assertThat(Gradients.check(model, c).passed()).isTrue();
    assertThat(Gradients.check(new MaskedMean(true), c).passed()).isFalse();
  }
}
