package io.github.gradprop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class CheckOptionsTests {

  /** Every value the accessors show, in a fixed order. */
  private static List<Object> values(CheckOptions o) {
    return List.of(
        o.scheme(),
        o.step(),
        o.atol(),
        o.rtol(),
        o.maxRows(),
        o.kinkPolicy(),
        o.lossPrecision(),
        o.callMillis(),
        o.maxLossCalls(),
        o.threads(),
        o.directionalAbove());
  }

  @Test
  void defaults_areTheDocumentedValues() {
    CheckOptions d = CheckOptions.defaults();
    assertThat(values(d))
        .containsExactly(
            DifferenceScheme.CENTRAL,
            DifferenceScheme.CENTRAL.defaultStep(LossPrecision.DOUBLE),
            CheckOptions.DEFAULT_ATOL,
            CheckOptions.DEFAULT_RTOL,
            10,
            KinkPolicy.CONFIRM,
            LossPrecision.DOUBLE,
            CheckOptions.DEFAULT_CALL_MILLIS,
            CheckOptions.DEFAULT_MAX_LOSS_CALLS,
            Runtime.getRuntime().availableProcessors(),
            CheckOptions.DEFAULT_DIRECTIONAL_ABOVE);
    assertThat(d.toString())
        .isEqualTo("CheckOptions[CENTRAL, step 6.1e-06, atol 1.0e-08, rtol 1.0e-06, CONFIRM]");
  }

  @Test
  void eachWith_changesItsOwnValue_andKeepsEveryOther() {
    CheckOptions base =
        CheckOptions.defaults()
            .withScheme(DifferenceScheme.FIVE_POINT)
            .withStep(1e-3)
            .withAtol(1e-7)
            .withRtol(1e-5)
            .withMaxRows(3)
            .withKinkPolicy(KinkPolicy.STRICT)
            .withLossPrecision(LossPrecision.FLOAT)
            .withCallMillis(77)
            .withMaxLossCalls(999)
            .withThreads(5)
            .withDirectionalAbove(42);
    assertThat(values(base))
        .containsExactly(
            DifferenceScheme.FIVE_POINT,
            1e-3,
            1e-7,
            1e-5,
            3,
            KinkPolicy.STRICT,
            LossPrecision.FLOAT,
            77L,
            999L,
            5,
            42);
    List<UnaryOperator<CheckOptions>> changes =
        List.of(
            o -> o.withScheme(DifferenceScheme.RICHARDSON),
            o -> o.withStep(2e-3),
            o -> o.withAtol(2e-7),
            o -> o.withRtol(2e-5),
            o -> o.withMaxRows(4),
            o -> o.withKinkPolicy(KinkPolicy.AVOID),
            o -> o.withLossPrecision(LossPrecision.DOUBLE),
            o -> o.withCallMillis(78),
            o -> o.withMaxLossCalls(1000),
            o -> o.withThreads(6),
            o -> o.withDirectionalAbove(43));
    List<Object> expectedNew =
        List.of(
            DifferenceScheme.RICHARDSON,
            2e-3,
            2e-7,
            2e-5,
            4,
            KinkPolicy.AVOID,
            LossPrecision.DOUBLE,
            78L,
            1000L,
            6,
            43);
    for (int i = 0; i < changes.size(); i++) {
      List<Object> expected = new ArrayList<>(values(base));
      expected.set(i, expectedNew.get(i));
      assertThat(values(changes.get(i).apply(base))).as("change %d", i).isEqualTo(expected);
    }
  }

  @Test
  void theStep_followsTheSchemeAndPrecision_untilSet() {
    CheckOptions five = CheckOptions.defaults().withScheme(DifferenceScheme.FIVE_POINT);
    assertThat(five.step())
        .isEqualTo(DifferenceScheme.FIVE_POINT.defaultStep(LossPrecision.DOUBLE));
    assertThat(five.withLossPrecision(LossPrecision.FLOAT).step())
        .isEqualTo(DifferenceScheme.FIVE_POINT.defaultStep(LossPrecision.FLOAT));
    assertThat(five.withStep(1e-4).withScheme(DifferenceScheme.CENTRAL).step()).isEqualTo(1e-4);
  }

  @Test
  void invalidValues_areRejected_withTheirMessage() {
    CheckOptions d = CheckOptions.defaults();
    assertThatThrownBy(() -> d.withScheme(null)).hasMessage("scheme must not be null");
    assertThatThrownBy(() -> d.withStep(1)).hasMessage("step must be in (0, 1), but was 1.0");
    assertThatThrownBy(() -> d.withAtol(-1))
        .hasMessage("atol must be finite and >= 0, but was -1.0");
    assertThatThrownBy(() -> d.withRtol(Double.POSITIVE_INFINITY))
        .hasMessage("rtol must be finite and >= 0, but was Infinity");
    assertThatThrownBy(() -> d.withMaxRows(0)).hasMessage("maxRows must be >= 1, but was 0");
    assertThatThrownBy(() -> d.withKinkPolicy(null)).hasMessage("kinkPolicy must not be null");
    assertThatThrownBy(() -> d.withLossPrecision(null)).hasMessage("precision must not be null");
    assertThatThrownBy(() -> d.withCallMillis(0)).hasMessage("callMillis must be >= 1, but was 0");
    assertThatThrownBy(() -> d.withMaxLossCalls(0))
        .hasMessage("maxLossCalls must be >= 1, but was 0");
    assertThatThrownBy(() -> d.withThreads(0)).hasMessage("threads must be >= 1, but was 0");
    assertThatThrownBy(() -> d.withDirectionalAbove(-1))
        .hasMessage("directionalAbove must be >= 0, but was -1");
  }
}
