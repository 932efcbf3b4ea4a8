package io.github.gradprop.internal.html;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * The HTML reports of one property: whether it gets a page ({@link ReportMode}), where, and the
 * JUnit report entry that names the page. A failure to write is never the test's failure: the
 * message then names no page.
 */
@API(status = INTERNAL, since = "0.1")
public final class HtmlReports {

  /** The default directory, relative to the working directory (the module under Surefire). */
  public static final String DEFAULT_DIRECTORY = "target/gradprop-reports";

  /** The report entry key that names the page. */
  public static final String ENTRY = "gradprop.htmlReport";

  private final ReportMode mode;
  private final ReportDirectory directory;
  private final Consumer<Map<String, String>> publish;

  private HtmlReports(
      ReportMode mode, ReportDirectory directory, Consumer<Map<String, String>> publish) {
    this.mode = mode;
    this.directory = directory;
    this.publish = publish;
  }

  /**
   * Reports in {@code directory} (null: the default, used only when the working directory has a
   * {@code target} folder, as the replay store does), publishing report entries to {@code publish}.
   */
  public static HtmlReports of(
      ReportMode mode, String directory, Consumer<Map<String, String>> publish) {
    Path dir;
    if (directory != null) {
      dir = Path.of(directory);
    } else {
      dir = Path.of(DEFAULT_DIRECTORY);
      if (!Files.isDirectory(dir.toAbsolutePath().getParent())) {
        return off();
      }
    }
    return new HtmlReports(mode, new ReportDirectory(dir), publish);
  }

  /** No reports. */
  public static HtmlReports off() {
    return new HtmlReports(ReportMode.OFF, null, m -> {});
  }

  public ReportMode mode() {
    return mode;
  }

  /** The path the page of {@code propertyId} is written to (null when reports are off). */
  public Path pageFor(String propertyId) {
    return directory == null ? null : directory.pageFor(propertyId);
  }

  /**
   * The path a failing property's page will be written to, as the message prints it; null when
   * reports are off.
   */
  public String plannedPage(String propertyId) {
    return mode == ReportMode.OFF || directory == null
        ? null
        : relative(directory.pageFor(propertyId));
  }

  /**
   * Writes the page of a failing property; returns its path as the message prints it (relative to
   * the working directory when inside it), or null when none was written.
   */
  public String failed(PropertyPage page) {
    if (mode == ReportMode.OFF) {
      return null;
    }
    return write(page);
  }

  /** Writes the page of a passing property under {@code all}; removes a stale one otherwise. */
  public String passed(String propertyId, Supplier<PropertyPage> page) {
    try {
      if (mode == ReportMode.ALL) {
        return write(page.get());
      }
      if (mode == ReportMode.FAILURES) {
        directory.remove(propertyId);
      }
    } catch (UncheckedIOException e) {
      // a report that cannot be written or removed does not fail a passing property
    }
    return null;
  }

  private String write(PropertyPage page) {
    try {
      Path file = directory.write(page, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
      String shown = relative(file);
      publish.accept(Map.of(ENTRY, shown));
      return shown;
    } catch (UncheckedIOException e) {
      return null;
    }
  }

  /**
   * Rebuilds the index from the pages in the directory (once per test run: the engine calls it when
   * the run ends); an I/O error leaves the old index.
   */
  public void rebuildIndex() {
    if (directory == null || mode == ReportMode.OFF) {
      return;
    }
    try {
      directory.rebuildIndex();
    } catch (java.io.IOException | UncheckedIOException e) {
      // the pages are there; an index that cannot be written fails no test
    }
  }

  /** The directory's absolute path, which identifies the index to rebuild (null when off). */
  public String key() {
    return directory == null ? null : directory.directory().toAbsolutePath().normalize().toString();
  }

  static String relative(Path file) {
    Path cwd = Path.of("").toAbsolutePath();
    Path abs = file.toAbsolutePath().normalize();
    return (abs.startsWith(cwd) ? cwd.relativize(abs) : abs).toString().replace('\\', '/');
  }
}
