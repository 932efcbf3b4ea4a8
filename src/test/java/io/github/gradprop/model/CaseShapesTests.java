package io.github.gradprop.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Shape inference on its own: which dimensions the arrays given imply. */
class CaseShapesTests {

  private final ModelSpec spec =
      ModelSpec.named("mlp")
          .inputs("batch", "in")
          .parameter("w1", "hidden", "in")
          .parameter("b1", "hidden")
          .targets("batch", "hidden");

  private static Map<String, Integer> infer(
      ModelSpec spec,
      Map<String, Integer> dims,
      Map<String, double[][]> matrices,
      Map<String, double[]> arrays,
      double[] flat) {
    new CaseShapes(spec, dims, matrices, arrays, Map.of(), Map.of(), flat).infer();
    return dims;
  }

  @Test
  void aMatrixTellsBothOfItsAxes() {
    Map<String, Integer> dims =
        infer(
            spec,
            new LinkedHashMap<>(),
            Map.of("w1", new double[3][2], "inputs", new double[5][2]),
            Map.of(),
            null);

    assertThat(dims)
        .containsOnly(Map.entry("hidden", 3), Map.entry("in", 2), Map.entry("batch", 5));
  }

  @Test
  void anExpressionAxis_isSolvedForItsDimension() {
    ModelSpec withBias =
        ModelSpec.named("bias row").inputs("batch", "in").parameter("w", "in + 1", "out");

    Map<String, Integer> dims =
        infer(
            withBias,
            new LinkedHashMap<>(),
            Map.of("w", new double[4][2], "inputs", new double[1][3]),
            Map.of(),
            null);

    assertThat(dims).containsEntry("in", 3).containsEntry("out", 2).containsEntry("batch", 1);
  }

  @Test
  void theOneUnknownDimension_comesFromTheFlatLength() {
    // w1 is hidden x in, b1 is hidden: with in = 2, 3 * hidden = 12 gives hidden = 4
    Map<String, Integer> dims = new LinkedHashMap<>(Map.of("in", 2, "batch", 1));

    infer(spec, dims, Map.of(), Map.of(), new double[12]);

    assertThat(dims).containsEntry("hidden", 4);
  }

  @Test
  void aDimensionNoArrayTells_isNamedInTheError() {
    assertThatThrownBy(
            () ->
                infer(
                    spec,
                    new LinkedHashMap<>(),
                    Map.of("inputs", new double[5][2]),
                    Map.of(),
                    null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Model `mlp`: cannot tell dimension `hidden` from the arrays given;"
                + " add .dim(\"hidden\", n)");
  }
}
