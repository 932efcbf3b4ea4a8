package io.github.gradprop.kinks;

import io.github.gradprop.CheckOptions;
import io.github.gradprop.Gradients;
import io.github.gradprop.KinkPolicy;
import io.github.gradprop.model.Case;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fixed-case kink reports of {@link KinkReportTests} and {@link CoincidentKinkTests}, by name,
 * for {@code io.github.gradprop.golden.GoldenReportsTests} (the models here are package-private).
 */
public final class GoldenKinkReports {

  private GoldenKinkReports() {}

  /** Report name to full report text, in a fixed order. */
  public static Map<String, String> reports() {
    Net relu = new Net("relu, squared error", Layers.relu(), Layers.squaredError());
    Net slopeBug =
        new Net(
            "relu, squared error, slope 0.5 below 0", Layers.leaky(0, 0.5), Layers.squaredError());
    Case belowZero =
        Case.builder(slopeBug.spec())
            .parameter("w1", new double[][] {{-1.0}})
            .parameter("b1", new double[] {0.0})
            .parameter("w2", new double[][] {{1.0}})
            .parameter("b2", new double[] {0.0})
            .inputs(new double[][] {{1.0}})
            .targets(new double[][] {{1.0}})
            .build();
    Map<String, String> r = new LinkedHashMap<>();
    r.put("kink-confirmed-mismatch", Gradients.check(slopeBug, belowZero).report());
    for (KinkPolicy policy : KinkPolicy.values()) {
      r.put(
          "kink-relu-at-zero-" + policy.name().toLowerCase(java.util.Locale.ROOT),
          Gradients.check(
                  relu, TieCases.reluAtZero(relu), CheckOptions.defaults().withKinkPolicy(policy))
              .report());
    }
    r.put(
        "kink-max-pool-tie-every-tied",
        Gradients.check(new MaxPoolNet(Routing.EVERY_TIED), TieCases.maxPoolTie()).report());
    r.put(
        "kink-max-pool-tie-first-of-ties",
        Gradients.check(new MaxPoolNet(Routing.FIRST_OF_TIES), TieCases.maxPoolTie()).report());
    r.put(
        "kink-concatenated-relu-buggy",
        Gradients.check(new CReluNet(false), TieCases.concatenatedReluAtZero()).report());
    r.put(
        "kink-concatenated-relu-correct",
        Gradients.check(new CReluNet(true), TieCases.concatenatedReluAtZero()).report());
    return r;
  }
}
