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
    assertThat(PropertyMessages.tooManyInconclusiveDraws(12, 5, 100, "REPORT", 42, "REPLAY"))
        .isEqualTo(
            "@GradientProperty drew 12 cases on which no entry could be compared (every entry at"
                + " a kink or unresolved) and accepted only 5 of 100 tries."
                + NL
                + "The loss may be too rough or too noisy for finite differences at this step. "
                + ContractMessages.DECLARE_FLOAT
                + " The last such case:"
                + NL
                + "REPORT"
                + NL
                + NL
                + "seed   : 42"
                + NL
                + "replay : REPLAY");
  }

  @Test
  void propertyTimedOut() {
    assertThat(
            PropertyMessages.propertyTimedOut(
                "m", 300, 320, 2, 100, "generated, try 3", 17, "loss(...)", "batch=1", "R"))
        .isEqualTo(
            "@GradientProperty check of model `m` ran past its time limit (`propertyMillis` = 300"
                + " ms): 2 of 100 tries done in 0.32 s, then at generated, try 3 (seed 17), in"
                + " loss(...) at batch=1."
                + NL
                + "gradprop interrupted the thread running the property and abandoned it; the other"
                + " tests go on. Lower `tries`, narrow `dims`, or raise `propertyMillis` (or"
                + " -Dgradprop.propertyMillis=...)."
                + NL
                + "replay: R");
  }

  @Test
  void propertyTooLarge_entryByEntry_namesTheDirectionalMode() {
    assertThat(PropertyMessages.propertyTooLarge("FACTS.", 100_000, Integer.MAX_VALUE, 13))
        .isEqualTo(
            "FACTS."
                + NL
                + "Narrow `dims` (gradient bugs show at a few units per dimension, e.g. dims ="
                + " {\"hidden = 1..4\"}), let cases of this size run along random directions"
                + " (`directionalAbove`, now 2,147,483,647: about 13 loss calls a try), or raise"
                + " `maxLossCalls` (now 100,000; or -Dgradprop.maxLossCalls=...).");
  }

  @Test
  void propertyTooLarge() {
    assertThat(PropertyMessages.propertyTooLarge("FACTS.", 100_000))
        .isEqualTo(
            "FACTS."
                + NL
                + "Narrow `dims` (gradient bugs show at a few units per dimension, e.g. dims ="
                + " {\"hidden = 1..4\"}), or raise `maxLossCalls` (now 100,000; or"
                + " -Dgradprop.maxLossCalls=...).");
  }

  @Test
  void undecidedAlongDirections_saysWhyAndTheBound() {
    assertThat(
            PropertyMessages.undecidedAlongDirections(
                "relu MLP", "batch=4 hidden=500", 8, true, 201_202, 100_000, 7, "REPLAY"))
        .isEqualTo(
            "No verdict along random directions: all 8 directions drawn at a nearby generic"
                + " point (the case itself sits on kinks) met a kink inside their stencil, and the"
                + " full check of this case needs about 201,202 loss calls, over the bound"
                + " `maxLossCalls` = 100,000.%nmodel  : relu MLP%nshape  : batch=4 hidden=500%n"
                + "seed   : 7%nreplay : REPLAY",
            new Object[0]);
    assertThat(PropertyMessages.undecidedAlongDirections("m", "n=1", 3, false, 10, 5, 1, "R"))
        .startsWith("No verdict along random directions: all 3 directions drawn met a kink");
  }

  @Test
  void progress() {
    assertThat(PropertyMessages.progress("P#m", 3, 100, 1200, 3120, false, 12_300, 310_000))
        .isEqualTo(
            "[gradprop] P#m: try 3 of 100, entries 1,200 of 3,120, 12 s elapsed, about 5 min 10 s"
                + " left");
    assertThat(PropertyMessages.progress("P#m", 1, 100, 0, 0, false, 5_000, -1))
        .as("before the first entry")
        .isEqualTo("[gradprop] P#m: try 1 of 100, 5.00 s elapsed");
    assertThat(PropertyMessages.progress("P#m", 4, 100, 0, 0, true, 5_000, 130_000))
        .as("along random directions there are no entries to count")
        .isEqualTo(
            "[gradprop] P#m: try 4 of 100 (along random directions), 5.00 s elapsed, about 2 min"
                + " 10 s left");
  }

  @Test
  void shrinkingProgress() {
    assertThat(PropertyMessages.shrinkingProgress("P#m", 4, 17, 6_000, 30_000))
        .isEqualTo(
            "[gradprop] P#m: shrinking the failure of try 4, 17 checks, 6.00 s elapsed (shrinking"
                + " stops after 30 s)");
  }

  @Test
  void checkProgress() {
    assertThat(PropertyMessages.checkProgress("m", 10, 40, 5_000, 15_000))
        .isEqualTo(
            "[gradprop] check of model `m`: entries 10 of 40, 5.00 s elapsed, about 15 s left");
  }

  @Test
  void kinksButNoTies() {
    assertThat(PropertyMessages.kinksButNoTies(3, 100))
        .isEqualTo(
            "3 of 100 tries showed kinks, but no try was built with ties; tie-only bugs (a max that"
                + " passes the gradient to every tied input) stay hidden: raise `edgeCases`");
  }
}
