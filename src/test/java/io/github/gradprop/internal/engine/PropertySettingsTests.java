package io.github.gradprop.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gradprop.CheckOptions;
import io.github.gradprop.GradientCheck;
import io.github.gradprop.GradientProperty;
import io.github.gradprop.ModelConfigurationException;
import io.github.gradprop.PropertyConfigurationException;
import io.github.gradprop.TargetKind;
import io.github.gradprop.model.ModelSpec;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class PropertySettingsTests {

  private static final ModelSpec SPEC =
      ModelSpec.named("linear")
          .inputs("batch", "in")
          .parameter("w", "out", "in")
          .targets("batch", "out");

  /** Annotations as users write them; the methods are never run. */
  @SuppressWarnings("unused")
  static class Written {
    @GradientProperty
    void nothing(GradientCheck c) {}

    @GradientProperty(tries = 1, seed = 0, atol = 0, rtol = 0, edgeCases = 0, shrinkMillis = 0)
    void edgesOfTheValidRanges(GradientCheck c) {}

    @GradientProperty(tries = -1)
    void triesMinusOne(GradientCheck c) {}

    @GradientProperty(atol = -1)
    void atolMinusOne(GradientCheck c) {}

    @GradientProperty(rtol = -1)
    void rtolMinusOne(GradientCheck c) {}

    @GradientProperty(edgeCases = -1)
    void edgeCasesMinusOne(GradientCheck c) {}

    @GradientProperty(shrinkMillis = -1)
    void shrinkMillisMinusOne(GradientCheck c) {}

    @GradientProperty(seed = -1)
    void seedMinusOne(GradientCheck c) {}

    @GradientProperty(step = 0)
    void stepZero(GradientCheck c) {}

    @GradientProperty(scale = 0)
    void scaleZero(GradientCheck c) {}

    @GradientProperty(threads = 0)
    void threadsZero(GradientCheck c) {}

    @GradientProperty(threads = 3, directionalAbove = 0)
    void threeThreadsAlwaysDirectional(GradientCheck c) {}

    @GradientProperty(atol = Double.POSITIVE_INFINITY)
    void atolInfinite(GradientCheck c) {}

    @GradientProperty(targets = TargetKind.CLASS_INDEX, classes = "out")
    void classIndex(GradientCheck c) {}

    @GradientProperty(dims = "out = 1")
    void oneHotWithOneClass(GradientCheck c) {}

    @GradientProperty(dims = "out = 1..2")
    void oneHotWithUpToTwoClasses(GradientCheck c) {}

    @GradientProperty(callMillis = 0)
    void callMillisZero(GradientCheck c) {}

    @GradientProperty(propertyMillis = -5)
    void propertyMillisNegative(GradientCheck c) {}

    @GradientProperty(maxLossCalls = 0)
    void maxLossCallsZero(GradientCheck c) {}

    @GradientProperty(progressMillis = 0)
    void progressMillisZero(GradientCheck c) {}

    @GradientProperty(callMillis = 1, propertyMillis = 2, maxLossCalls = 3, progressMillis = 4)
    void limitsWritten(GradientCheck c) {}
  }

  private static GradientProperty written(String method) {
    try {
      return Written.class
          .getDeclaredMethod(method, GradientCheck.class)
          .getAnnotation(GradientProperty.class);
    } catch (NoSuchMethodException e) {
      throw new AssertionError(e);
    }
  }

  private static PropertySettings resolve(String method, Map<String, String> config) {
    return resolve(method, config, SPEC);
  }

  private static PropertySettings resolve(
      String method, Map<String, String> config, ModelSpec spec) {
    Function<String, Optional<String>> params = k -> Optional.ofNullable(config.get(k));
    return PropertySettings.resolve(written(method), params, spec, 777);
  }

  @Test
  void classIndex_onRankTwoTargets_isAConfigurationError_pointingToTheKindsThatFit() {
    assertThatThrownBy(() -> resolve("classIndex", Map.of()))
        .isInstanceOf(PropertyConfigurationException.class)
        .hasMessageContaining("targets = CLASS_INDEX) draws one class label per example")
        .hasMessageContaining("model `linear` declares targets(\"batch\", \"out\") (rank 2)")
        .hasMessageContaining("use ONE_HOT or PROBABILITY");
  }

  @Test
  void classIndex_onRankOneTargets_resolves() {
    ModelSpec labels =
        ModelSpec.named("labels")
            .inputs("batch", "in")
            .parameter("w", "out", "in")
            .targets("batch");
    assertThat(resolve("classIndex", Map.of(), labels).classes).isEqualTo("out");
  }

  @Test
  void oneHot_whoseClassAxisIsAlwaysOne_isAConfigurationError_pointingToBinary() {
    assertThatThrownBy(() -> resolve("oneHotWithOneClass", Map.of()))
        .isInstanceOf(PropertyConfigurationException.class)
        .hasMessageContaining("that axis (`out`) is always 1, so every target would be 1.0")
        .hasMessageContaining("TargetKind.BINARY");
    ModelSpec constant =
        ModelSpec.named("one output")
            .inputs("batch", "in")
            .parameter("w", "1", "in")
            .targets("batch", "1");
    assertThatThrownBy(() -> resolve("nothing", Map.of(), constant))
        .isInstanceOf(PropertyConfigurationException.class)
        .hasMessageContaining("model `one output`'s targets(\"batch\", \"1\")");
  }

  @Test
  void oneHot_withMoreThanOneClassPossible_resolves() {
    assertThat(resolve("oneHotWithUpToTwoClasses", Map.of()).dimRanges.get("out"))
        .containsExactly(1, 2);
  }

  @Test
  void aSpecWithoutParameters_isRejectedWhenFirstUsed_namingTheSpec() {
    ModelSpec none = ModelSpec.named("no weights").inputs("batch", "in").targets("batch", "in");
    assertThatThrownBy(() -> resolve("nothing", Map.of(), none))
        .isInstanceOf(ModelConfigurationException.class)
        .hasMessageStartingWith("Model `no weights` declares no parameter(...)");
  }

  @Test
  void everyRowOfTheTable_namesARealAttribute_hasAValidDefault_andAGradpropKey() throws Exception {
    for (PropertySettings.Attribute<?> row : PropertySettings.TABLE) {
      Method attribute = GradientProperty.class.getMethod(row.name());
      assertThat(attribute.getName()).isEqualTo(row.name());
      if (row.fallback() != null) {
        assertThat(validates(row, row.fallback())).as(row.name()).isTrue();
      }
      if (row.key() != null) {
        assertThat(row.key()).isEqualTo("gradprop." + row.name());
      }
      // Not written is the marker (read as null), or the annotation's default is the value itself.
      Object notWritten = row.written().apply(written("nothing"));
      assertThat(notWritten == null || notWritten.equals(row.fallback())).as(row.name()).isTrue();
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> boolean validates(PropertySettings.Attribute<T> row, Object value) {
    return row.valid().test((T) value);
  }

  @Test
  void nothingWritten_takesTheBuiltInDefaults_andAFreshSeed() {
    PropertySettings s = resolve("nothing", Map.of());
    assertThat(s.tries).isEqualTo(PropertySettings.DEFAULT_TRIES);
    assertThat(s.edgeCases).isEqualTo(PropertySettings.DEFAULT_EDGE_CASES);
    assertThat(s.shrinkMillis).isEqualTo(PropertySettings.DEFAULT_SHRINK_MILLIS);
    assertThat(s.options.atol()).isEqualTo(CheckOptions.DEFAULT_ATOL);
    assertThat(s.options.rtol()).isEqualTo(CheckOptions.DEFAULT_RTOL);
    assertThat(s.seed).isEqualTo(777);
    assertThat(s.seedGiven).isFalse();
  }

  @Test
  void nothingWritten_takesTheConfigurationParameters() {
    PropertySettings s =
        resolve(
            "nothing",
            Map.of(
                "gradprop.tries", "7", "gradprop.edgeCases", "0.5", "gradprop.shrinkMillis", "9"));
    assertThat(s.tries).isEqualTo(7);
    assertThat(s.edgeCases).isEqualTo(0.5);
    assertThat(s.shrinkMillis).isEqualTo(9);
  }

  @Test
  void theEdgesOfTheValidRanges_meanWhatTheySay_seedZeroIsPinned() {
    PropertySettings s = resolve("edgesOfTheValidRanges", Map.of("gradprop.tries", "50"));
    assertThat(s.tries).isEqualTo(1);
    assertThat(s.seed).isZero();
    assertThat(s.seedGiven).isFalse();
    assertThat(s.options.atol()).isZero();
    assertThat(s.options.rtol()).isZero();
    assertThat(s.edgeCases).isZero();
    assertThat(s.shrinkMillis).isZero();
  }

  @Test
  void formerSentinels_areRejected_namingTheAttributeAndTheValue() {
    expectRejected("triesMinusOne", "@GradientProperty requires `tries` >= 1, but was -1.");
    expectRejected(
        "atolMinusOne", "@GradientProperty requires `atol` >= 0 and finite, but was -1.0.");
    expectRejected(
        "rtolMinusOne", "@GradientProperty requires `rtol` >= 0 and finite, but was -1.0.");
    expectRejected(
        "edgeCasesMinusOne", "@GradientProperty requires `edgeCases` in [0, 1], but was -1.0.");
    expectRejected(
        "shrinkMillisMinusOne", "@GradientProperty requires `shrinkMillis` >= 0, but was -1.");
    expectRejected(
        "seedMinusOne",
        "@GradientProperty requires `seed` >= 0 (printed seeds are never negative), but was -1.");
    expectRejected(
        "stepZero",
        "@GradientProperty requires `step` in (0, 1) (leave it out for the scheme's default), but"
            + " was 0.0.");
    expectRejected("scaleZero", "@GradientProperty requires `scale` > 0 and finite, but was 0.0.");
    expectRejected(
        "atolInfinite", "@GradientProperty requires `atol` >= 0 and finite, but was Infinity.");
  }

  private static void expectRejected(String method, String message) {
    assertThatThrownBy(() -> resolve(method, Map.of()))
        .isInstanceOf(PropertyConfigurationException.class)
        .hasMessage(message);
  }

  @Test
  void anInvalidConfigurationParameter_isRejected_namingTheParameterAndTheAttribute() {
    assertThatThrownBy(() -> resolve("nothing", Map.of("gradprop.tries", "0")))
        .isInstanceOf(PropertyConfigurationException.class)
        .hasMessage(
            "Configuration parameter `gradprop.tries` (for @GradientProperty `tries`) must be >= 1,"
                + " but was \"0\".");
    assertThatThrownBy(() -> resolve("nothing", Map.of("gradprop.seed", "-3")))
        .isInstanceOf(PropertyConfigurationException.class)
        .hasMessageContaining("`gradprop.seed` must be >= 0");
  }

  @Test
  void gradpropSeed_overridesTheWrittenSeed_andZeroIsAValidSeed() {
    PropertySettings s = resolve("edgesOfTheValidRanges", Map.of("gradprop.seed", "0"));
    assertThat(s.seed).isZero();
    assertThat(s.seedGiven).isTrue();
  }

  @Test
  void theLimits_haveTheirDefaults_whenNothingIsWritten() {
    PropertySettings s = resolve("nothing", Map.of());
    assertThat(s.get(PropertySettings.CALL_MILLIS)).isEqualTo(10_000L);
    assertThat(s.options.callMillis()).isEqualTo(10_000L);
    assertThat(s.get(PropertySettings.PROPERTY_MILLIS)).isEqualTo(600_000L);
    assertThat(s.get(PropertySettings.MAX_LOSS_CALLS)).isEqualTo(100_000L);
    assertThat(s.get(PropertySettings.PROGRESS_MILLIS)).isEqualTo(5_000L);
    assertThat(s.progress).isTrue();
  }

  @Test
  void theLimits_asWritten_beatTheirConfigurationParameters() {
    PropertySettings s =
        resolve(
            "limitsWritten",
            Map.of(
                "gradprop.callMillis", "9",
                "gradprop.propertyMillis", "9",
                "gradprop.maxLossCalls", "9",
                "gradprop.progressMillis", "9"));
    assertThat(s.get(PropertySettings.CALL_MILLIS)).isEqualTo(1L);
    assertThat(s.options.callMillis()).isEqualTo(1L);
    assertThat(s.get(PropertySettings.PROPERTY_MILLIS)).isEqualTo(2L);
    assertThat(s.get(PropertySettings.MAX_LOSS_CALLS)).isEqualTo(3L);
    assertThat(s.get(PropertySettings.PROGRESS_MILLIS)).isEqualTo(4L);
  }

  @Test
  void theLimits_fromConfigurationParameters_andProgressOff() {
    PropertySettings s =
        resolve(
            "nothing",
            Map.of(
                "gradprop.callMillis", "250",
                "gradprop.propertyMillis", "1000",
                "gradprop.maxLossCalls", "5000",
                "gradprop.progressMillis", "100",
                "gradprop.progress", "false"));
    assertThat(s.get(PropertySettings.CALL_MILLIS)).isEqualTo(250L);
    assertThat(s.get(PropertySettings.PROPERTY_MILLIS)).isEqualTo(1000L);
    assertThat(s.get(PropertySettings.MAX_LOSS_CALLS)).isEqualTo(5000L);
    assertThat(s.get(PropertySettings.PROGRESS_MILLIS)).isEqualTo(100L);
    assertThat(s.progress).isFalse();
  }

  @Test
  void limitsOutOfRange_areRejected_namingTheAttributeOrParameter() {
    expectRejected("callMillisZero", "@GradientProperty requires `callMillis` >= 1, but was 0.");
    expectRejected(
        "propertyMillisNegative", "@GradientProperty requires `propertyMillis` >= 1, but was -5.");
    expectRejected(
        "maxLossCallsZero", "@GradientProperty requires `maxLossCalls` >= 1, but was 0.");
    expectRejected(
        "progressMillisZero", "@GradientProperty requires `progressMillis` >= 1, but was 0.");
    assertThatThrownBy(() -> resolve("nothing", Map.of("gradprop.callMillis", "0")))
        .isInstanceOf(PropertyConfigurationException.class)
        .hasMessage(
            "Configuration parameter `gradprop.callMillis` (for @GradientProperty `callMillis`)"
                + " must be >= 1, but was \"0\".");
    assertThatThrownBy(() -> resolve("nothing", Map.of("gradprop.maxLossCalls", "lots")))
        .isInstanceOf(PropertyConfigurationException.class)
        .hasMessage(
            "Configuration parameter `gradprop.maxLossCalls` must be an integer, but was"
                + " \"lots\".");
    assertThatThrownBy(() -> resolve("nothing", Map.of("gradprop.progress", "off")))
        .isInstanceOf(PropertyConfigurationException.class)
        .hasMessage(
            "Configuration parameter `gradprop.progress` must be true or false, but was"
                + " \"off\".");
  }

  @Test
  void largestDims_areTheTopsOfTheRanges() {
    assertThat(resolve("oneHotWithUpToTwoClasses", Map.of()).largestDims())
        .containsEntry("out", 2)
        .containsEntry("batch", PropertySettings.DEFAULT_DIM_MAX);
  }

  @Test
  void threads_defaultToTheProcessors_andAreTakenAsWrittenOrFromTheParameter() {
    assertThat(resolve("nothing", Map.of()).options.threads())
        .isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(resolve("nothing", Map.of("gradprop.threads", "1")).options.threads()).isEqualTo(1);
    PropertySettings written =
        resolve("threeThreadsAlwaysDirectional", Map.of("gradprop.threads", "1"));
    assertThat(written.options.threads()).isEqualTo(3);
    assertThat(written.options.directionalAbove()).isZero();
  }

  @Test
  void directionalAbove_defaultsToTenThousand_andTakesTheParameter() {
    assertThat(resolve("nothing", Map.of()).options.directionalAbove())
        .isEqualTo(CheckOptions.DEFAULT_DIRECTIONAL_ABOVE);
    assertThat(
            resolve("nothing", Map.of("gradprop.directionalAbove", "500"))
                .options
                .directionalAbove())
        .isEqualTo(500);
  }

  @Test
  void threadsBelowOne_areRejected_namingTheAttributeOrTheParameter() {
    expectRejected(
        "threadsZero",
        "@GradientProperty requires `threads` >= 1 (leave it out for one per available"
            + " processor), but was 0.");
    assertThatThrownBy(() -> resolve("nothing", Map.of("gradprop.directionalAbove", "-1")))
        .isInstanceOf(PropertyConfigurationException.class)
        .hasMessage(
            "Configuration parameter `gradprop.directionalAbove` (for @GradientProperty"
                + " `directionalAbove`) must be >= 0, but was \"-1\".");
  }
}
