package io.github.gradprop.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShapeExpressionTests {

  @Nested
  class Parsing {

    @Test
    void aBareName_isItsOwnBareName() {
      ShapeExpression e = ShapeExpression.parse("hidden");

      assertThat(e.names()).containsExactly("hidden");
      assertThat(e.bareName()).isEqualTo("hidden");
      assertThat(e).hasToString("hidden");
    }

    @Test
    void anExpression_hasNoBareName_butListsItsNames() {
      ShapeExpression e = ShapeExpression.parse("in + 1");

      assertThat(e.names()).containsExactly("in");
      assertThat(e.bareName()).isNull();
      assertThat(e).hasToString("in + 1");
    }

    @Test
    void names_areListedOnce_inOrderOfAppearance() {
      assertThat(ShapeExpression.parse("out * (hidden + out) - in").names())
          .containsExactly("out", "hidden", "in");
    }

    @Test
    void surroundingSpaces_areTrimmed_andInnerSpacingIsOptional() {
      ShapeExpression e = ShapeExpression.parse("  in+1 ");

      assertThat(e).hasToString("in+1");
      assertThat(e.bareName()).isNull();
      assertThat(e.evaluate(Map.of("in", 4))).isEqualTo(5);
    }

    @Test
    void aBareNameWithSpaces_isStillABareName() {
      assertThat(ShapeExpression.parse(" hidden ").bareName()).isEqualTo("hidden");
    }

    @Test
    void identifiers_mayContainDigitsAndUnderscores() {
      assertThat(ShapeExpression.parse("hidden_2 + layer3").names())
          .containsExactly("hidden_2", "layer3");
    }

    @Test
    void aConstant_mentionsNoName() {
      ShapeExpression e = ShapeExpression.parse("3");

      assertThat(e.names()).isEmpty();
      assertThat(e.bareName()).isNull();
      assertThat(e.evaluate(Map.of())).isEqualTo(3);
    }

    @ParameterizedTest(name = "`{0}`")
    @CsvSource(
        delimiter = '|',
        value = {
          "''         | expected a dimension name or a number at position 0",
          "in +       | expected a dimension name or a number at position 4",
          "in + + 1   | unexpected '+' at position 5",
          "(in + 1    | expected ')' at position 7",
          "in + 1)    | unexpected ')' at position 6",
          "in $ 1     | unexpected '$' at position 3",
          "1in        | unexpected 'i' at position 1",
          "in / 2     | unexpected '/' at position 3"
        })
    void malformedAxes_areRejected_withTheTextAndPosition(String text, String problem) {
      assertThatThrownBy(() -> ShapeExpression.parse(text))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("Cannot parse shape axis `%s`: %s", text, problem);
    }
  }

  @Nested
  class Evaluation {

    private final Map<String, Integer> dims = Map.of("a", 2, "b", 3, "c", 4, "big", 10);

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
      "a, 2",
      "a + 1, 3",
      "a * b + c, 10",
      "a + b * c, 14",
      "(a + b) * c, 20",
      "big - b - c, 3",
      "big - (b - c), 11",
      "2 * (a + 1) * b, 18",
      "((c)), 4"
    })
    void arithmetic_followsTheUsualPrecedence_andLeftAssociativity(String text, int expected) {
      assertThat(ShapeExpression.parse(text).evaluate(dims)).isEqualTo(expected);
    }

    @Test
    void anAxisBelowOne_isRejected_withTheAxisAndTheDims() {
      assertThatThrownBy(() -> ShapeExpression.parse("hidden - 1").evaluate(Map.of("hidden", 1)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("Axis `hidden - 1` evaluates to 0 for {hidden=1}; every axis needs >= 1");
    }

    @Test
    void anAxisBeyondIntRange_isRejected() {
      assertThatThrownBy(() -> ShapeExpression.parse("a * a * a").evaluate(Map.of("a", 1 << 11)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("evaluates to 8589934592");
    }

    @Test
    void aMissingDimension_isNamed() {
      assertThatThrownBy(() -> ShapeExpression.parse("in + out").evaluate(Map.of("in", 2)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("No value for dimension `out`");
    }
  }

  @Nested
  class Solving {

    @ParameterizedTest(name = "{0} = {2} gives {1} = {3}")
    @CsvSource({
      "hidden, hidden, 5, 5",
      "in + 1, in, 5, 4",
      "hidden - 1, hidden, 5, 6",
      "1 + hidden, hidden, 2, 1",
      "2 * hidden, hidden, 6, 3",
      "(in + 1) * 2, in, 8, 3",
      "in + out, in, 5, 3",
      "in * out, in, 6, 3"
    })
    void affineAxes_areSolvedForTheirUnknown(String text, String unknown, int size, int expected) {
      assertThat(ShapeExpression.parse(text).solveFor(unknown, size, Map.of("out", 2)))
          .isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} = {2} for {1}")
    @CsvSource({
      "2 * hidden, hidden, 7",
      "in + 1, in, 1",
      "in * in, in, 9",
      "in + depth, in, 5",
      "hidden, in, 5",
      "3, in, 3",
      "in - in + 2, in, 2"
    })
    void axesThatCannotBeSolved_giveNull(String text, String unknown, int size) {
      assertThat(ShapeExpression.parse(text).solveFor(unknown, size, Map.of("out", 2))).isNull();
    }
  }
}
