package io.github.gradprop.examples.seed;

import io.github.gradprop.GradientCheckResult;
import io.github.gradprop.Gradients;
import io.github.gradprop.model.Case;
import io.github.gradprop.model.GradientModel;

/**
 * Run {@code SeedDemo} to see gradprop catch the seed question's bug: the ReLU + cross-entropy
 * network's backward pass, checked against finite differences on a fixed case.
 *
 * <pre>
 * mvn -B -q install -DskipTests &amp;&amp; mvn -B -q -f examples/pom.xml compile exec:java
 * </pre>
 */
public final class SeedDemo {

  private SeedDemo() {}

  /** Checks the ReLU + cross-entropy cell and prints the report and the explanation. */
  public static void main(String[] args) {
    GradientModel model = SeedNetwork.model(Activation.RELU, Cost.CROSS_ENTROPY);
    GradientCheckResult result = Gradients.check(model, counterexample());
    System.out.println(result.report().stripTrailing());
    System.out.println();
    System.out.println(explanation(result));
  }

  /** The case the demo checks: for now the fixed, hand-picked one. */
  static Case counterexample() {
    return SeedCases.fixed(Activation.RELU, Cost.CROSS_ENTROPY);
  }

  static String explanation(GradientCheckResult result) {
    if (result.passed()) {
      return "The check passed: no disagreement on this case.";
    }
    return "Why: the cross-entropy branch uses the sigmoid shortcut delta3 = y - Y, which is"
        + " dE/dz3 only for a sigmoid output; for a ReLU output it is"
        + " ((1 - Y) ./ (1 - y) - Y ./ y) .* (z3 > 0).";
  }
}
