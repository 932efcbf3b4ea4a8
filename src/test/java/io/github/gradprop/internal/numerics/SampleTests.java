package io.github.gradprop.internal.numerics;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gradprop.DifferenceScheme;
import org.junit.jupiter.api.Test;

/** The immutable samples of a stencil, on functions whose differences are exact in binary. */
class SampleTests {

  @Test
  void aCentralStencilOfAParabola_givesTheExactOneSidedSlopes_andTheirGap() {
    // f = t^2 at t = 1, h = 0.25: f(1.25) = 1.5625, f(0.75) = 0.5625
    // D+ = 0.5625 / 0.25 = 2.25, D- = 0.4375 / 0.25 = 1.75, central 1 / 0.5 = 2, gap h f'' = 0.5
    Stencil s = new Stencil();
    s.evaluate(DifferenceScheme.CENTRAL, t -> t * t, 1, 0.25);

    Sample sample = Sample.of(s, 1.0);

    assertThat(sample).isEqualTo(new Sample(0.25, 2.0, 1.75, 2.25));
    assertThat(sample.gap()).isEqualTo(0.5);
    assertThat(sample.low()).isEqualTo(1.75);
    assertThat(sample.high()).isEqualTo(2.25);
  }

  @Test
  void aStencilAcrossAKink_keepsItsJumpAsTheGap() {
    // |t| at 0, h = 0.5: D+ = 1, D- = -1, central 0; the gap is the jump 2 at any step
    Stencil s = new Stencil();
    s.evaluate(DifferenceScheme.CENTRAL, Math::abs, 0, 0.5);

    Sample sample = Sample.of(s, 0.0);

    assertThat(sample).isEqualTo(new Sample(0.5, 0.0, -1.0, 1.0));
    assertThat(sample.gap()).isEqualTo(2.0);
    assertThat(sample.low()).isEqualTo(-1.0);
    assertThat(sample.high()).isEqualTo(1.0);
  }

  @Test
  void aSample_doesNotChangeWhenTheStencilIsReused() {
    Stencil s = new Stencil();
    s.evaluate(DifferenceScheme.CENTRAL, t -> t * t, 1, 0.25);
    Sample first = Sample.of(s, 1.0);
    s.central(Math::abs, 0, 0.5);

    assertThat(first).isEqualTo(new Sample(0.25, 2.0, 1.75, 2.25));
  }
}
