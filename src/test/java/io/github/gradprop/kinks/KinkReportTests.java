package io.github.gradprop.kinks;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gradprop.CheckOptions;
import io.github.gradprop.GradientCheckResult;
import io.github.gradprop.Gradients;
import io.github.gradprop.KinkPolicy;
import io.github.gradprop.model.Case;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The report's kink facts: their order, and one golden text per message kind. */
class KinkReportTests {

  private static final String NL = System.lineSeparator();

  private final Net relu = new Net("relu, squared error", Layers.relu(), Layers.squaredError());
  private final Net slopeBug =
      new Net(
          "relu, squared error, slope 0.5 below 0", Layers.leaky(0, 0.5), Layers.squaredError());

  private static List<String> factKeys(String report) {
    List<String> keys = new ArrayList<>();
    String[] lines = report.split(NL);
    for (int i = 1; i < lines.length && !lines[i].isEmpty(); i++) {
      keys.add(lines[i].substring(0, lines[i].indexOf(" : ")).trim());
    }
    return keys;
  }

  /** z = -1: the buggy slope below 0 shows on an open set, far from the kink. */
  private Case belowZero() {
    return Case.builder(slopeBug.spec())
        .parameter("w1", new double[][] {{-1.0}})
        .parameter("b1", new double[] {0.0})
        .parameter("w2", new double[][] {{1.0}})
        .parameter("b2", new double[] {0.0})
        .inputs(new double[][] {{1.0}})
        .targets(new double[][] {{1.0}})
        .build();
  }

  @Test
  void factsComeInOrder_policyAfterTolerance_thenKinksConfirmedAndNotes() {
    assertThat(factKeys(Gradients.check(relu, TieCases.reluAtZero(relu)).report()))
        .containsExactly("model", "shape", "loss", "scheme", "tolerance", "policy", "kinks");
    assertThat(factKeys(Gradients.check(slopeBug, belowZero()).report()))
        .containsExactly("model", "shape", "loss", "scheme", "tolerance", "policy", "confirmed");
    assertThat(
            factKeys(
                Gradients.check(
                        relu,
                        TieCases.reluAtZero(relu),
                        CheckOptions.defaults().withKinkPolicy(KinkPolicy.STRICT))
                    .report()))
        .containsExactly(
            "model", "shape", "loss", "scheme", "tolerance", "policy", "kinks", "at kinks");
    assertThat(
            factKeys(
                Gradients.check(new MaxPoolNet(Routing.EVERY_TIED), TieCases.maxPoolTie())
                    .report()))
        .containsExactly(
            "model", "shape", "loss", "scheme", "tolerance", "policy", "kinks", "ties");
  }

  @Test
  void confirmedMismatch_goldenText() {
    GradientCheckResult r = Gradients.check(slopeBug, belowZero());

    assertThat(r.report())
        .isEqualTo(
            String.join(
                NL,
                "Analytic gradient disagrees with finite differences for 2 of 4 entries (w1 1 of 1, b1 1 of 1)",
                "model     : relu, squared error, slope 0.5 below 0",
                "shape     : batch=1 in=1 hidden=1 out=1",
                "loss      : 0.5",
                "scheme    : central difference, step 6.1e-06 * max(1, |theta|)",
                "tolerance : |analytic - numeric| <= 1.0e-08 + 1.0e-06 * |numeric| + rounding (at most 2.9e-10 here)",
                "policy    : default (a mismatch fails only if it persists at a nearby generic point)",
                "confirmed : all 2 mismatches persist at a nearby generic point (weights and inputs moved by about 1e-3 relative)",
                "",
                "tensor  index   analytic       numeric        rel-error  verdict",
                "w1      [0, 0]  -5.000000e-01   0.000000e+00  1.0e+00    MISMATCH",
                "b1      [0]     -5.000000e-01   0.000000e+00  1.0e+00    MISMATCH",
                "(2 entries agree; worst first, at most 10 rows)"));
    assertThat(r.confirmations()).hasSize(2);
  }

  @Test
  void strictAtAKink_goldenText() {
    GradientCheckResult r =
        Gradients.check(
            relu,
            TieCases.reluAtZero(relu),
            CheckOptions.defaults().withKinkPolicy(KinkPolicy.STRICT));

    assertThat(r.report())
        .isEqualTo(
            String.join(
                NL,
                "Analytic gradient disagrees with finite differences for 2 of 4 entries (w1 1 of 1, b1 1 of 1)",
                "model     : relu, squared error",
                "shape     : batch=1 in=1 hidden=1 out=1",
                "loss      : 0.5",
                "scheme    : central difference, step 6.1e-06 * max(1, |theta|)",
                "tolerance : |analytic - numeric| <= 1.0e-08 + 1.0e-06 * |numeric| + rounding (at most 2.9e-10 here)",
                "policy    : STRICT (disagreements at kinks fail without confirmation; correct code can fail this)",
                "kinks     : 2 entries at kinks (checked against the central difference)",
                "at kinks  : 2 entries where the loss is not differentiable differ from the central difference;"
                    + " at w1[0, 0] the one-sided derivatives are 0.0e+00 (left) and -1.0e+00 (right);"
                    + " correct code can fail KinkPolicy.STRICT at such points",
                "",
                "tensor  index   analytic       numeric        rel-error  verdict",
                "w1      [0, 0]   0.000000e+00  -4.999985e-01  1.0e+00    MISMATCH_AT_KINK",
                "b1      [0]      0.000000e+00  -4.999985e-01  1.0e+00    MISMATCH_AT_KINK",
                "(2 entries agree; worst first, at most 10 rows)"));
  }

  @Test
  void tieMismatch_goldenText() {
    GradientCheckResult r =
        Gradients.check(new MaxPoolNet(Routing.EVERY_TIED), TieCases.maxPoolTie());

    assertThat(r.report())
        .isEqualTo(
            String.join(
                NL,
                "Analytic gradient disagrees with finite differences along 2 tie directions of w1, b1",
                "model     : max-pool, squared error",
                "shape     : batch=1 in=1 pool=1 out=1",
                "loss      : 0.5",
                "scheme    : central difference, step 6.1e-06 * max(1, |theta|)",
                "tolerance : |analytic - numeric| <= 1.0e-08 + 1.0e-06 * |numeric| + rounding (at most 2.9e-10 here)",
                "policy    : default (a mismatch fails only if it persists at a nearby generic point)",
                "kinks     : 4 entries at kinks (passed under the default policy: w1[0, 0], w1[1, 0],"
                    + " b1[0], b1[1]),"
                    + " 1 kink artifact not confirmed at a nearby generic point",
                "ties      : moving w1[0, 0], w1[1, 0] together, the loss changes smoothly with slope 1.0e+00,"
                    + " but the analytic gradient projects to 2.0e+00; moving b1[0], b1[1] together, the loss"
                    + " changes smoothly with slope 1.0e+00, but the analytic gradient projects to 2.0e+00;"
                    + " correct code agrees along a tie, here and a little further along it (a max that passes"
                    + " the gradient to every tied input fails this)",
                "",
                "tensor  index           analytic       numeric        rel-error  verdict",
                "w1      [0, 0] +1 tied   2.000000e+00   1.000000e+00  5.0e-01    KINK_MISMATCH",
                "b1      [0] +1 tied      2.000000e+00   1.000000e+00  5.0e-01    KINK_MISMATCH",
                "(2 entries agree, 5 at kinks or unresolved; worst first, at most 10 rows)"));
  }

  @Test
  void rejectedAndPassingWithKinks_goldenText() {
    Case c = TieCases.reluAtZero(relu);
    String facts =
        String.join(
            NL,
            "model     : relu, squared error",
            "shape     : batch=1 in=1 hidden=1 out=1",
            "loss      : 0.5",
            "scheme    : central difference, step 6.1e-06 * max(1, |theta|)",
            "tolerance : |analytic - numeric| <= 1.0e-08 + 1.0e-06 * |numeric| + rounding (at most 2.9e-10 here)");

    assertThat(Gradients.check(relu, c).report())
        .isEqualTo(
            String.join(
                NL,
                "Analytic gradient agrees with finite differences for all 2 entries where the loss is"
                    + " smooth; 2 more are at kinks or unresolved",
                facts,
                "policy    : default (a mismatch fails only if it persists at a nearby generic point)",
                "kinks     : 2 entries at kinks (passed under the default policy: w1[0, 0], b1[0])"));
    assertThat(
            Gradients.check(relu, c, CheckOptions.defaults().withKinkPolicy(KinkPolicy.AVOID))
                .report())
        .isEqualTo(
            String.join(
                NL,
                "Case rejected under KinkPolicy.AVOID: the loss is not smooth at 2 of 4 entries (w1 1 of 1, b1 1 of 1)",
                facts,
                "policy    : AVOID (cases with kinks are rejected)",
                "kinks     : 2 entries at kinks (not checked: w1[0, 0], b1[0])"));
  }

  @Test
  void sameCase_sameReport_becauseTheGenericPointIsSeededFromTheCase() {
    Case c = belowZero();
    assertThat(Gradients.check(slopeBug, c).confirmations())
        .isEqualTo(Gradients.check(slopeBug, c.copy()).confirmations());
    assertThat(Gradients.check(slopeBug, c).report())
        .isEqualTo(Gradients.check(slopeBug, c).report());
  }
}
