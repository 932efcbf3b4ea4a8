package io.github.gradprop.golden;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The diagnosis table of {@code docs/reports.md}, checked against the golden reports (which {@link
 * GoldenReportsTests} checks against the code, byte for byte): each row's diagnosis is the one
 * every seed's report gives, a row is "right" exactly when it has one, no row is "wrong", and every
 * failing property of the golden reports has a row.
 */
class DiagnosisTableTests {

  private static final Path DOC = Paths.get("docs", "reports.md");
  private static final Path GOLDEN = Paths.get("src", "test", "resources", "golden");
  private static final String BAR = "\u0000";

  record Row(List<String> files, String diagnosis, String verdict) {}

  @Test
  void everyRow_matchesTheGoldenReports_andNoneIsWrong() throws IOException {
    List<Row> rows = rows();
    assertThat(rows).hasSizeGreaterThan(25);
    for (Row row : rows) {
      assertThat(row.verdict()).as("verdict of %s", row.files()).isIn("right", "none");
      assertThat(row.verdict().equals("none")).isEqualTo(row.diagnosis().equals("none"));
      for (String file : row.files()) {
        String text = Files.readString(GOLDEN.resolve(file), StandardCharsets.UTF_8);
        for (String block : blocks(text)) {
          String given = diagnosis(block);
          assertThat(given.isEmpty() ? "none" : given)
              .as("diagnosis in %s", file)
              .isEqualTo(row.diagnosis());
        }
      }
    }
  }

  @Test
  void everyFailingGoldenProperty_hasARow() throws IOException {
    Set<String> covered = new LinkedHashSet<>();
    for (Row row : rows()) {
      covered.addAll(row.files());
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(GOLDEN, "*TestCases-*.txt")) {
      for (Path f : files) {
        assertThat(covered).as("rows of %s", DOC).contains(f.getFileName().toString());
      }
    }
  }

  private static List<Row> rows() throws IOException {
    String doc = Files.readString(DOC, StandardCharsets.UTF_8);
    String table =
        doc.substring(
            doc.indexOf("<!-- diagnosis-table -->"), doc.indexOf("<!-- /diagnosis-table -->"));
    List<Row> rows = new ArrayList<>();
    for (String line : table.lines().toList()) {
      if (!line.startsWith("| `")) {
        continue;
      }
      String[] cells = line.replace("\\|", BAR).split("\\|");
      rows.add(new Row(files(cells[1].trim()), cells[3].trim().replace(BAR, "|"), cells[4].trim()));
    }
    return rows;
  }

  /** The golden files a first cell names: {@code `A$B#m`}, {@code `name`} or {@code `prefix-*`}. */
  private static List<String> files(String cell) throws IOException {
    List<String> files = new ArrayList<>();
    String[] parts = cell.split("`");
    for (int i = 1; i < parts.length; i += 2) {
      String name = parts[i];
      if (name.contains("#")) {
        files.add(name.replace('$', '-').replace('#', '.') + ".txt");
      } else if (name.endsWith("*")) {
        try (DirectoryStream<Path> found = Files.newDirectoryStream(GOLDEN, name + ".txt")) {
          found.forEach(p -> files.add(p.getFileName().toString()));
        }
      } else {
        files.add(name + ".txt");
      }
    }
    assertThat(files).as("golden files of %s", cell).isNotEmpty();
    return files;
  }

  /** One block per seed of a property's golden file, or the whole of a fixed case's. */
  private static List<String> blocks(String text) {
    if (!text.startsWith("=== seed ")) {
      return List.of(text);
    }
    List<String> blocks = new ArrayList<>(List.of(text.split("(?m)^=== seed ")));
    blocks.removeIf(String::isEmpty);
    return blocks;
  }

  /** The findings' pattern lines of the {@code looks like:} section, joined by " | ". */
  private static String diagnosis(String block) {
    List<String> found = new ArrayList<>();
    boolean in = false;
    for (String line : block.lines().toList()) {
      if (line.equals("looks like:")) {
        in = true;
      } else if (line.isEmpty()) {
        in = false;
      } else if (in && line.startsWith("  - ")) {
        found.add(line.substring(4));
      }
    }
    return String.join(" | ", found);
  }
}
