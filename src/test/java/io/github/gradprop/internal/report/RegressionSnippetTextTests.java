package io.github.gradprop.internal.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gradprop.CheckOptions;
import io.github.gradprop.DifferenceScheme;
import io.github.gradprop.KinkPolicy;
import io.github.gradprop.testmodels.LinearRegression;
import org.junit.jupiter.api.Test;

/** The regression snippet's text: exact literals, the options that differ, the golden shape. */
class RegressionSnippetTextTests {

  @Test
  void values_printAsJavaExpressionsThatParseBackBitForBit() {
    double[] values = {
      0.1, -0.0, 1e-300, Double.MIN_VALUE, Double.MAX_VALUE, 1.0 / 3, -2.5e17, 123456.789
    };
    for (double v : values) {
      String text = RegressionSnippet.value(v);
      assertThat(Double.doubleToRawLongBits(Double.parseDouble(text)))
          .as(text)
          .isEqualTo(Double.doubleToRawLongBits(v));
    }
    assertThat(RegressionSnippet.value(Double.NaN)).isEqualTo("Double.NaN");
    assertThat(RegressionSnippet.value(Double.NEGATIVE_INFINITY))
        .isEqualTo("Double.NEGATIVE_INFINITY");
  }

  @Test
  void options_nameOnlyWhatDiffersFromTheDefaults() {
    assertThat(RegressionSnippet.options(CheckOptions.defaults()))
        .isEqualTo("CheckOptions.defaults()");
    assertThat(
            RegressionSnippet.options(
                CheckOptions.defaults()
                    .withScheme(DifferenceScheme.FIVE_POINT)
                    .withRtol(1e-8)
                    .withKinkPolicy(KinkPolicy.STRICT)))
        .isEqualTo(
            "CheckOptions.defaults().withScheme(io.github.gradprop.DifferenceScheme.FIVE_POINT)"
                + ".withRtol(1.0E-8).withKinkPolicy(io.github.gradprop.KinkPolicy.STRICT)");
  }

  @Test
  void snippet_isTheGoldenText() {
    String s =
        RegressionSnippet.format(
            "MyTests",
            "backward",
            7,
            LinearRegression.randomCase(1, 1, 1, 1),
            CheckOptions.defaults());
    String n = System.lineSeparator();
    assertThat(s.lines().toList())
        .startsWith(
            "regression test (paste into MyTests, next to backward):",
            "  // imports: CheckOptions, Gradients, model.Case, model.GradientModel,"
                + " org.junit.jupiter.api.Test",
            "  @Test",
            "  void backward_seed7() {",
            "    GradientModel[] model = new GradientModel[1];",
            "    backward(m -> model[0] = m); // the model the property checks",
            "    Case shrunk =",
            "        Case.builder(model[0].spec())",
            "            .dim(\"batch\", 1).dim(\"in\", 1).dim(\"out\", 1)")
        .endsWith(
            "            .build();",
            "    Gradients.assertCorrect(model[0], shrunk, CheckOptions.defaults());",
            "  }");
    assertThat(s).contains(".parameter(\"w\", new double[][] {{").contains(n);
  }
}
