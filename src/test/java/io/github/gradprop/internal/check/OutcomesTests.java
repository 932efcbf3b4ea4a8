package io.github.gradprop.internal.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gradprop.EntryCheck;
import io.github.gradprop.KinkPolicy;
import io.github.gradprop.Verdict;
import io.github.gradprop.internal.verdict.Classification;
import io.github.gradprop.internal.verdict.Classification.Kind;
import io.github.gradprop.model.Case;
import io.github.gradprop.model.ModelSpec;
import io.github.gradprop.model.Tensor;
import org.junit.jupiter.api.Test;

/** How one classification becomes a verdict under each kink policy, without any model. */
class OutcomesTests {

  private final Tensor w =
      Case.builder(ModelSpec.named("m").inputs("batch", "in").parameter("w", "in"))
          .parameter("w", new double[] {0.5, 2.0})
          .inputs(new double[][] {{1.0, 1.0}})
          .build()
          .parameters()
          .tensor("w");

  private static Classification of(
      Kind kind, double analytic, double numeric, boolean agrees, double low, double high) {
    return new Classification(
        kind,
        analytic,
        numeric,
        1e-8,
        1e-10,
        agrees,
        0.0,
        2.0,
        low,
        high,
        1e-8,
        null,
        null,
        null,
        kind == Kind.SMOOTH ? 1 : 3);
  }

  private Outcomes recordOnW(KinkPolicy policy, Classification c) {
    Outcomes o = new Outcomes(policy, 1e-8);
    o.record(0, w, 1, 2.0, c.analytic(), c);
    return o;
  }

  @Test
  void aSmoothAgreement_recordsOnlyItsRelativeError() {
    // |3 - 2.5| / max(3, 2.5) = 1/6
    Outcomes o = recordOnW(KinkPolicy.CONFIRM, of(Kind.SMOOTH, 3.0, 2.5, true, 2.5, 2.5));

    assertThat(o.failures).isEmpty();
    assertThat(o.suspects).isEmpty();
    assertThat(o.largestAgreeing).isEqualTo(0.5 / 3.0);
    assertThat(o.maxRounding).isEqualTo(1e-10);
  }

  @Test
  void aSmoothAgreementWithinAtol_recordsNoRelativeError() {
    Outcomes o = recordOnW(KinkPolicy.CONFIRM, of(Kind.SMOOTH, 0.0, 1e-12, true, 0, 0));

    assertThat(o.largestAgreeing).isZero();
  }

  @Test
  void aSmoothMismatch_isASuspectByDefault_andAFailureUnderStrict() {
    Classification c = of(Kind.SMOOTH, 3.0, 1.5, false, 1.5, 1.5);

    Outcomes byDefault = recordOnW(KinkPolicy.CONFIRM, c);
    assertThat(byDefault.failures).isEmpty();
    assertThat(byDefault.suspects)
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.atKink()).isFalse();
              assertThat(s.atPoint().verdict()).isEqualTo(Verdict.MISMATCH);
              assertThat(s.atPoint().relativeError()).isEqualTo(0.5);
            });

    Outcomes strict = recordOnW(KinkPolicy.STRICT, c);
    assertThat(strict.suspects).isEmpty();
    assertThat(strict.failures)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.tensor()).isEqualTo("w");
              assertThat(e.flatIndex()).isEqualTo(1);
              assertThat(e.analytic()).isEqualTo(3.0);
              assertThat(e.numeric()).isEqualTo(1.5);
              assertThat(e.verdict()).isEqualTo(Verdict.MISMATCH);
            });
  }

  @Test
  void aKinkInsideItsSlopes_passesByDefault_butFailsUnderStrictWhenTheCentralEstimateDisagrees() {
    // slopes 0 and 2, central 1, analytic 0: inside [0, 2], but not the central difference
    Classification c = of(Kind.KINK, 0.0, 1.0, false, 0.0, 2.0);

    Outcomes byDefault = recordOnW(KinkPolicy.CONFIRM, c);
    assertThat(byDefault.failures).isEmpty();
    assertThat(byDefault.suspects).isEmpty();
    assertThat(byDefault.kinkCount).isEqualTo(1);
    assertThat(byDefault.kinkEntries).containsExactly(new TieDirections.KinkEntry(0, 1, 0.0, 2.0));
    assertThat(byDefault.avoidsKinks()).isFalse();

    Outcomes strict = recordOnW(KinkPolicy.STRICT, c);
    assertThat(strict.failures)
        .extracting(EntryCheck::verdict)
        .containsExactly(Verdict.MISMATCH_AT_KINK);

    assertThat(recordOnW(KinkPolicy.AVOID, c).avoidsKinks()).isTrue();
  }

  @Test
  void aKinkOutsideItsSlopes_isASuspectAtAKink() {
    Classification c = of(Kind.KINK, 5.0, 1.0, false, 0.0, 2.0);

    Outcomes o = recordOnW(KinkPolicy.CONFIRM, c);

    assertThat(o.suspects).singleElement().satisfies(s -> assertThat(s.atKink()).isTrue());
    assertThat(o.failures).isEmpty();
  }

  @Test
  void aNonFiniteEntry_failsUnderEveryPolicy() {
    for (KinkPolicy policy : KinkPolicy.values()) {
      Classification c = of(Kind.NON_FINITE, Double.NaN, 1.0, false, Double.NaN, Double.NaN);
      assertThat(recordOnW(policy, c).failures)
          .as("%s", policy)
          .extracting(EntryCheck::verdict)
          .containsExactly(Verdict.NON_FINITE);
    }
  }
}
