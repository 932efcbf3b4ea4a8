package io.github.gradprop.property;

import static io.github.gradprop.property.PropertyFixtures.failures;
import static io.github.gradprop.property.PropertyFixtures.line;
import static io.github.gradprop.property.PropertyFixtures.onlyFailure;
import static io.github.gradprop.property.PropertyFixtures.reportEntries;
import static io.github.gradprop.property.PropertyFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** End to end: a failing property writes its HTML page and names it; a passing one writes none. */
class HtmlReportTests {

  private static final String FAILING_PAGE =
      "io.github.gradprop.property.SeedNetworkTestCases-ReluCrossEntropy.reluCrossEntropy.html";

  private static Map<String, String> config(Path dir, String... more) {
    Map<String, String> m = new java.util.HashMap<>();
    m.put("gradprop.seed", "42");
    m.put("gradprop.reports.dir", dir.toString());
    for (int k = 0; k < more.length; k += 2) {
      m.put(more[k], more[k + 1]);
    }
    return m;
  }

  @Test
  void failingProperty_writesItsPage_andNamesItInTheMessage_andAReportEntry(@TempDir Path dir)
      throws Exception {
    EngineExecutionResults results = run(SeedNetworkTestCases.ReluCrossEntropy.class, config(dir));
    String message = onlyFailure(results).getMessage();

    Path page = dir.resolve(FAILING_PAGE);
    assertThat(page).exists();
    assertThat(line(message, "html")).contains(FAILING_PAGE);
    assertThat(reportEntries(results))
        .anySatisfy(e -> assertThat(e.get("gradprop.htmlReport")).endsWith(FAILING_PAGE));
    String html = Files.readString(page, StandardCharsets.UTF_8);
    assertThat(html)
        .startsWith("<!DOCTYPE html>")
        .contains("<svg class=\"heatmap\"", "class=\"cell mismatch\"", "data-case=\"shrunk\"")
        .contains("data-case=\"original\"", "id=\"shrinking\"", "<pre class=\"report\">")
        .doesNotContain("<script", "http://", "https://", "<link");
    assertThat(dir.resolve("index.html")).exists();
    assertThat(Files.readString(dir.resolve("index.html")))
        .contains("href=\"" + FAILING_PAGE + "\"", "<tr class=\"failed\">");
  }

  @Test
  void passingTwin_writesNoPage_byDefault(@TempDir Path dir) throws Exception {
    EngineExecutionResults results = run(SeedNetworkTestCases.PassingCells.class, config(dir));
    assertThat(failures(results)).isEmpty();
    assertThat(listing(dir)).isEmpty();
    assertThat(reportEntries(results)).noneMatch(e -> e.containsKey("gradprop.htmlReport"));
  }

  @Test
  void passingProperty_writesAPage_whenReportsAreAll(@TempDir Path dir) throws Exception {
    EngineExecutionResults results =
        run(
            SeedNetworkTestCases.PassingCells.class,
            config(dir, "gradprop.reports", "all", "gradprop.tries", "5"));
    assertThat(failures(results)).isEmpty();
    assertThat(listing(dir)).hasSize(SeedNetworkTestCases.PASSING_CELLS + 1); // + index.html
    assertThat(Files.readString(dir.resolve("index.html")))
        .contains("7 properties, 0 failed")
        .doesNotContain("<tr class=\"failed\">");
  }

  @Test
  void reportsOff_writesNothing_andTheMessageNamesNoPage(@TempDir Path dir) throws Exception {
    String message =
        onlyFailure(
                run(
                    SeedNetworkTestCases.ReluCrossEntropy.class,
                    config(dir, "gradprop.reports", "off")))
            .getMessage();
    assertThat(listing(dir)).isEmpty();
    assertThat(message.lines()).noneMatch(l -> l.startsWith("html "));
  }

  @Test
  void aPropertyThatPassesAgain_losesItsStalePage(@TempDir Path dir) throws Exception {
    Path stale = dir.resolve(FAILING_PAGE.replace("ReluCrossEntropy", "PassingCells"));
    Files.writeString(stale, "<!-- gradprop-summary property=\"x\" outcome=\"failed\" -->");
    Path sigmoid =
        dir.resolve(
            "io.github.gradprop.property.SeedNetworkTestCases-PassingCells.sigmoidCrossEntropy"
                + ".html");
    Files.writeString(sigmoid, "<!-- gradprop-summary property=\"y\" outcome=\"failed\" -->");
    run(SeedNetworkTestCases.PassingCells.class, config(dir, "gradprop.tries", "5"));
    assertThat(sigmoid).doesNotExist();
    assertThat(stale).exists(); // not a property of the class: left alone
  }

  @Test
  void anUnknownReportsValue_isAConfigurationError_namingTheParameter(@TempDir Path dir) {
    assertThat(
            onlyFailure(
                run(
                    SeedNetworkTestCases.ReluCrossEntropy.class,
                    config(dir, "gradprop.reports", "sometimes"))))
        .isInstanceOf(io.github.gradprop.PropertyConfigurationException.class)
        .hasMessage(
            "Configuration parameter `gradprop.reports` (for @GradientProperty `reports`) must be"
                + " in {failures, all, off}, but was \"sometimes\".");
  }

  @Test
  void theAttribute_asksForThePageOfOnePassingProperty(@TempDir Path dir) throws Exception {
    EngineExecutionResults results = run(HtmlReportTestCases.PassingWithPage.class, config(dir));
    assertThat(failures(results)).isEmpty();
    String page =
        "io.github.gradprop.property.HtmlReportTestCases-PassingWithPage.sigmoidCrossEntropy.html";
    assertThat(listing(dir)).containsExactlyInAnyOrder(page, "index.html");
    assertThat(Files.readString(dir.resolve(page)))
        .contains("<body class=\"passed\">", "data-case=\"largest error\"", "gradprop.tries");
  }

  @Test
  void anUnknownWrittenReportsValue_isAConfigurationError_namingTheAttribute(@TempDir Path dir) {
    assertThat(onlyFailure(run(HtmlReportTestCases.UnknownReports.class, config(dir))))
        .isInstanceOf(io.github.gradprop.PropertyConfigurationException.class)
        .hasMessage(
            "@GradientProperty requires `reports` in {failures, all, off}, but was sometimes.");
  }

  private static java.util.List<String> listing(Path dir) throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).toList();
    }
  }
}
