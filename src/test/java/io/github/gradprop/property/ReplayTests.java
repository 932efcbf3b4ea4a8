package io.github.gradprop.property;

import static io.github.gradprop.property.PropertyFixtures.failures;
import static io.github.gradprop.property.PropertyFixtures.line;
import static io.github.gradprop.property.PropertyFixtures.onlyFailure;
import static io.github.gradprop.property.PropertyFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

@Isolated
class ReplayTests {

  private static final Path STORED =
      Path.of(System.getProperty("basedir", ""))
          .toAbsolutePath()
          .resolve(
              "target/gradprop/replay/io.github.gradprop.property.ReplayTestCases_fixedBetweenRuns.txt");

  @AfterEach
  void cleanUp() throws Exception {
    ReplayTestCases.buggy = true;
    Files.deleteIfExists(STORED);
  }

  @Test
  void failingProperty_storesItsCounterexampleUnderTarget_triesItFirst_andForgetsItOnceFixed() {
    Map<String, String> replayOn = Map.of("gradprop.replay", "true", "gradprop.seed", "3");
    String first = onlyFailure(run(ReplayTestCases.class, replayOn)).getMessage();
    assertThat(STORED).exists();
    assertThat(line(first, "stored")).contains("target/gradprop/replay/");

    Map<String, String> noSeed = Map.of("gradprop.replay", "true");
    String second = onlyFailure(run(ReplayTestCases.class, noSeed)).getMessage();
    assertThat(line(second, "seed"))
        .isEqualTo("seed      : 3, replayed from the counterexample the last run stored");
    assertThat(line(second, "shape")).isEqualTo(line(first, "shape"));

    ReplayTestCases.buggy = false;
    var fixed = run(ReplayTestCases.class, noSeed);
    assertThat(failures(fixed)).isEmpty();
    assertThat(PropertyFixtures.reportEntries(fixed).get(0))
        .containsEntry("gradprop.replay", "the stored counterexample passes now; removed");
    assertThat(STORED).doesNotExist();
  }

  @Test
  void anExplicitSeed_runsThatSeed_insteadOfTheStoredCase_andKeepsIt() {
    onlyFailure(
        run(ReplayTestCases.class, Map.of("gradprop.replay", "true", "gradprop.seed", "3")));
    assertThat(STORED).exists();

    String withSeed =
        onlyFailure(
                run(ReplayTestCases.class, Map.of("gradprop.replay", "true", "gradprop.seed", "5")))
            .getMessage();

    assertThat(line(withSeed, "seed")).startsWith("seed      : 5, try ");
    assertThat(STORED).exists();
  }

  @Test
  void replayOff_writesNothing() {
    onlyFailure(
        run(ReplayTestCases.class, Map.of("gradprop.replay", "false", "gradprop.seed", "3")));
    assertThat(STORED).doesNotExist();
  }
}
