package io.github.gradprop.property;

import static io.github.gradprop.property.PropertyFixtures.failures;
import static io.github.gradprop.property.PropertyFixtures.line;
import static io.github.gradprop.property.PropertyFixtures.onlyFailure;
import static io.github.gradprop.property.PropertyFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.gradprop.GradientMismatchError;
import io.github.gradprop.ModelConfigurationException;
import org.junit.jupiter.api.Test;

class FloatPrecisionTests {

  @Test
  void aFloatModel_declaredAsFloat_passesEveryTry() {
    for (long seed = 1; seed <= 3; seed++) {
      assertThat(failures(run(FloatPrecisionTestCases.Declared.class, seed))).isEmpty();
    }
  }

  @Test
  void aWrongFloatModel_declaredAsFloat_isFalsified_atTheFloatStep() {
    Throwable failure = onlyFailure(run(FloatPrecisionTestCases.DeclaredButWrong.class, 1));
    assertThat(failure).isInstanceOf(GradientMismatchError.class);
    assertThat(line(failure.getMessage(), "scheme"))
        .isEqualTo(
            "scheme    : central difference, step 4.9e-03 * max(1, |theta|), loss computed in"
                + " float");
  }

  @Test
  void aFloatModel_notDeclared_failsWithAnErrorThatSaysHowToDeclareIt() {
    assertThat(onlyFailure(run(FloatPrecisionTestCases.Forgotten.class, 1)))
        .isInstanceOf(ModelConfigurationException.class)
        .hasMessageContaining("@GradientProperty(precision = LossPrecision.FLOAT)");
  }
}
