package io.github.gradprop.internal.shrinking;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SimpleValuesTests {

  @Test
  void zeroIsSimplest_thenSmallIntegers_thenHalves_thenFewDigits() {
    assertThat(SimpleValues.complexity(0)).isLessThan(SimpleValues.complexity(1));
    assertThat(SimpleValues.complexity(1)).isLessThan(SimpleValues.complexity(-1));
    assertThat(SimpleValues.complexity(-1)).isLessThan(SimpleValues.complexity(2));
    assertThat(SimpleValues.complexity(2)).isLessThan(SimpleValues.complexity(0.5));
    assertThat(SimpleValues.complexity(0.5)).isLessThan(SimpleValues.complexity(0.3));
    assertThat(SimpleValues.complexity(0.3)).isLessThan(SimpleValues.complexity(0.37));
    assertThat(SimpleValues.complexity(0.37)).isLessThan(SimpleValues.complexity(0.3712345));
  }

  @Test
  void candidatesAreStrictlySimpler_simplestFirst() {
    assertThat(SimpleValues.simplerThan(0.7312))
        .startsWith(0.0, 1.0, -1.0)
        .contains(0.5, 0.7, 0.73);
    for (double v : new double[] {0.7312, -3.25, 12.0, 1e-9, -0.5}) {
      for (double c : SimpleValues.simplerThan(v)) {
        assertThat(SimpleValues.complexity(c)).isLessThan(SimpleValues.complexity(v));
      }
    }
  }

  @Test
  void zeroHasNoSimplerValue() {
    assertThat(SimpleValues.simplerThan(0.0)).isEmpty();
  }
}
