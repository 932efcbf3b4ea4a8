package io.github.gradprop.internal.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** One golden full text per property-misuse message. */
class PropertyMessagesTests {

  static final String NL = System.lineSeparator();

  @Test
  void missingCheckParameter() {
    assertThat(PropertyMessages.missingCheckParameter("p"))
        .isEqualTo(
            "@GradientProperty method `p` needs a parameter of type GradientCheck, e.g. `void"
                + " p(GradientCheck check) { check.that(model); }`.");
  }

  @Test
  void noModelNamed() {
    assertThat(PropertyMessages.noModelNamed("p"))
        .isEqualTo("@GradientProperty method `p` returned without calling check.that(model).");
  }

  @Test
  void modelWithoutSpec() {
    assertThat(PropertyMessages.modelWithoutSpec("p"))
        .isEqualTo("The model given in `p` returned a null spec().");
  }

  @Test
  void nullModel() {
    assertThat(PropertyMessages.nullModel())
        .isEqualTo("GradientCheck.that(model) needs a model, but was null.");
  }

  @Test
  void modelNamedTwice() {
    assertThat(PropertyMessages.modelNamedTwice("a", "b"))
        .isEqualTo(
            "GradientCheck.that(model) was called twice (`a`, then `b`); write one"
                + " @GradientProperty method per model.");
  }

  @Test
  void noValidShapes() {
    assertThat(PropertyMessages.noValidShapes("m", 1000, "width > length"))
        .isEqualTo(
            "@GradientProperty `dims` ranges never give valid shapes for model `m` in 1000"
                + " draws: width > length");
  }

  @Test
  void tooManyKinkRejections() {
    assertThat(PropertyMessages.tooManyKinkRejections(11, 3, 100, 0.2))
        .isEqualTo(
            "@GradientProperty(kinks = AVOID) rejected 11 generated cases for hitting kinks and"
                + " accepted only 3 of 100 tries."
                + NL
                + "Use the default kink policy, which checks cases with kinks soundly, or lower"
                + " `edgeCases` (now 0.2).");
  }

  @Test
  void tooManyInconclusiveDraws() {
    assertThat(PropertyMessages.tooManyInconclusiveDraws(12, 5, 100, "REPORT"))
        .isEqualTo(
            "@GradientProperty drew 12 cases on which no entry could be compared (every entry at"
                + " a kink or unresolved) and accepted only 5 of 100 tries."
                + NL
                + "The loss may be too rough or too noisy for finite differences at this step. "
                + ContractMessages.DECLARE_FLOAT
                + " The last such case:"
                + NL
                + "REPORT");
  }

  @Test
  void kinksButNoTies() {
    assertThat(PropertyMessages.kinksButNoTies(3, 100))
        .isEqualTo(
            "3 of 100 tries showed kinks, but no try was built with ties; tie-only bugs (a max that"
                + " passes the gradient to every tied input) stay hidden: raise `edgeCases`");
  }
}
