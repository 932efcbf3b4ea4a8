package io.github.gradprop.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ModelSpecTests {

  static final ModelSpec SPEC =
      ModelSpec.named("seed network")
          .inputs("batch", "in")
          .parameter("w1", "hidden", "in + 1")
          .parameter("w2", "out", "hidden + 1")
          .targets("batch", "out");

  @Test
  void dims_areInOrderOfFirstMention_inputsParametersTargets() {
    assertThat(SPEC.dims()).containsExactly("batch", "in", "hidden", "out");
  }

  @Test
  void dimOrder_putsTheNamedOnesFirst_andIgnoresUnknownNames() {
    assertThat(SPEC.dimOrder("out", "depth", "in").dims())
        .containsExactly("out", "in", "batch", "hidden");
  }

  @Test
  void tensorSpecs_evaluateTheirAxes() {
    TensorSpec w1 = SPEC.parameters().get(0);

    assertThat(w1).hasToString("w1[hidden, in + 1]");
    assertThat(w1.rank()).isEqualTo(2);
    assertThat(w1.axis(1)).isEqualTo("in + 1");
    assertThat(w1.bareDim(0)).isEqualTo("hidden");
    assertThat(w1.bareDim(1)).isNull();
    assertThat(w1.dims()).containsExactly("hidden", "in");
    assertThat(w1.shape(Map.of("hidden", 3, "in", 4))).containsExactly(3, 5);
  }

  @Test
  void anAxisThatCannotBeEvaluated_namesTheTensor() {
    assertThatThrownBy(() -> SPEC.parameters().get(0).shape(Map.of("hidden", 3)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Tensor `w1`: No value for dimension `in`");
  }

  @Test
  void specsAreImmutable_eachMethodReturnsANewOne() {
    ModelSpec flat = SPEC.layout(ParameterLayout.FLAT);

    assertThat(SPEC.layout()).isEqualTo(ParameterLayout.MATRICES);
    assertThat(flat.layout()).isEqualTo(ParameterLayout.FLAT);
    assertThat(SPEC.parameter("w3", "out").parameters()).hasSize(3);
    assertThat(SPEC.parameters()).hasSize(2);
  }

  @Test
  void reservedNames_areRejected() {
    assertThatThrownBy(() -> SPEC.parameter("inputs", "in"))
        .hasMessage("`inputs` is reserved; pick another tensor name");
    assertThatThrownBy(() -> SPEC.parameter("targets", "in"))
        .hasMessage("`targets` is reserved; pick another tensor name");
  }

  @Test
  void aParameterDeclaredTwice_isRejected() {
    assertThatThrownBy(() -> SPEC.parameter("w1", "in"))
        .hasMessage("Tensor `w1` is declared twice");
  }

  @Test
  void blankNamesAndNullAxes_areRejected() {
    assertThatThrownBy(() -> ModelSpec.named(" ")).hasMessage("A model needs a non-blank name");
    assertThatThrownBy(() -> SPEC.parameter("", "in"))
        .hasMessage("A tensor needs a non-blank name");
    assertThatThrownBy(() -> SPEC.parameter("v", (String) null))
        .hasMessage("Tensor `v` has a null axis");
  }

  @Test
  void aSpecWithoutInputs_saysSo() {
    assertThatThrownBy(() -> ModelSpec.named("m").parameter("w", "in").inputs())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Model `m` declares no inputs(...)");
  }

  @Test
  void validate_namesTheTensorWhoseAxisIsBelowOne() {
    ModelSpec spec = ModelSpec.named("m").inputs("batch", "in - 2");

    // A sorted map, so the message's map text is deterministic (Map.of's order is not).
    assertThatThrownBy(() -> spec.validate(new TreeMap<>(Map.of("batch", 1, "in", 2))))
        .hasMessage(
            "Tensor `inputs`: Axis `in - 2` evaluates to 0 for {batch=1, in=2}; every axis needs"
                + " >= 1");
  }

  @Test
  void malformedShapes_areRejectedWhenTheSpecIsBuilt_namingModelTensorAndAxis() {
    for (String axis : new String[] {"in +", "2*", "-1", "0", "(in", "in $ 2"}) {
      assertThatThrownBy(() -> ModelSpec.named("mlp").inputs("batch", "in").parameter("w", axis))
          .as(axis)
          .isInstanceOf(io.github.gradprop.ModelConfigurationException.class)
          .hasMessageStartingWith(
              "Model `mlp` declares tensor `w` with a malformed shape: axis 0 is \"" + axis + "\".")
          .hasMessageContaining("problem : ");
    }
    assertThatThrownBy(() -> ModelSpec.named("mlp").inputs("batch", "in +"))
        .hasMessageStartingWith("Model `mlp` declares tensor `inputs` with a malformed shape");
    assertThatThrownBy(() -> ModelSpec.named("mlp").targets("batch", "2*"))
        .hasMessageStartingWith("Model `mlp` declares tensor `targets` with a malformed shape");
  }

  @Test
  void wellFormedShapes_areAccepted() {
    ModelSpec spec =
        ModelSpec.named("mlp")
            .inputs("batch", "in")
            .parameter("w", "2 * hidden", "in + 1")
            .parameter("b", "3")
            .parameter("c", "(hidden - 1) * 2 + 1");
    assertThat(spec.parameters()).hasSize(3);
    spec.requireCheckable();
  }

  @Test
  void aSpecWithoutParametersOrInputs_isNotCheckable_namingTheSpec() {
    assertThatThrownBy(() -> ModelSpec.named("empty").inputs("batch", "in").requireCheckable())
        .isInstanceOf(io.github.gradprop.ModelConfigurationException.class)
        .hasMessageStartingWith("Model `empty` declares no parameter(...)");
    assertThatThrownBy(() -> ModelSpec.named("no inputs").parameter("w", "in").requireCheckable())
        .isInstanceOf(io.github.gradprop.ModelConfigurationException.class)
        .hasMessageStartingWith("Model `no inputs` declares no inputs(...)");
  }
}
