package io.github.gradprop.internal.html;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The report directory: one page per property, written to a temporary file and moved into place,
 * and {@code index.html}, rebuilt from the summaries in the pages (the engine does it once at the
 * end of a test run). Nothing is shared in memory, so parallel tests and Surefire forks may write
 * at the same time: each writer of the index checks, after moving it into place, that the directory
 * still gives the same index, and writes it again when not (so the last index written lists every
 * page).
 */
@API(status = INTERNAL, since = "0.1")
public final class ReportDirectory {

  static final String INDEX = "index.html";
  private static final int MAX_REBUILDS = 8;

  private final Path directory;

  public ReportDirectory(Path directory) {
    this.directory = directory;
  }

  public Path directory() {
    return directory;
  }

  /** The page file of {@code propertyId}: {@code class.method.html}, nested classes with '-'. */
  public Path pageFor(String propertyId) {
    String name = propertyId.replace('#', '.').replace('$', '-').replaceAll("[^A-Za-z0-9._-]", "_");
    return directory.resolve(name + ".html");
  }

  /** Writes {@code page} for its property; returns the page's path. */
  public Path write(PropertyPage page, String written) {
    Path file = pageFor(page.propertyId());
    try {
      Files.createDirectories(directory);
      writeAtomically(file, page.render(written));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /** Removes the page of {@code propertyId}, if any. */
  public void remove(String propertyId) {
    try {
      Files.deleteIfExists(pageFor(propertyId));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes the index from the pages now in the directory, until the directory stops changing; does
   * nothing when there is no directory, or neither a page nor an index in it.
   */
  public void rebuildIndex() throws IOException {
    if (!Files.isDirectory(directory)) {
      return;
    }
    // a page's name, size and modification time tell whether it changed: cheaper than reading it
    List<String> before = fingerprint();
    if (before.isEmpty() && !Files.exists(directory.resolve(INDEX))) {
      return;
    }
    for (int k = 0; k < MAX_REBUILDS; k++) {
      writeAtomically(directory.resolve(INDEX), IndexPage.render(summaries()));
      List<String> after = fingerprint();
      if (after.equals(before)) {
        return;
      }
      before = after;
    }
  }

  private List<String> fingerprint() throws IOException {
    List<String> all = new ArrayList<>();
    try (DirectoryStream<Path> pages = Files.newDirectoryStream(directory, "*.html")) {
      for (Path p : pages) {
        String name = p.getFileName().toString();
        if (name.equals(INDEX) || name.startsWith(".")) {
          continue;
        }
        try {
          var a = Files.readAttributes(p, java.nio.file.attribute.BasicFileAttributes.class);
          all.add(name + "|" + a.size() + "|" + a.lastModifiedTime().toMillis());
        } catch (IOException e) {
          all.add(name + "|gone");
        }
      }
    }
    java.util.Collections.sort(all);
    return all;
  }

  /** The summaries of every page in the directory, by property. */
  public List<PageSummary> summaries() throws IOException {
    List<PageSummary> all = new ArrayList<>();
    if (!Files.isDirectory(directory)) {
      return all;
    }
    try (DirectoryStream<Path> pages = Files.newDirectoryStream(directory, "*.html")) {
      for (Path p : pages) {
        String name = p.getFileName().toString();
        if (name.equals(INDEX) || name.startsWith(".")) {
          continue;
        }
        PageSummary s = read(p, name);
        if (s != null) {
          all.add(s);
        }
      }
    }
    all.sort(Comparator.comparing(PageSummary::property));
    return all;
  }

  private static PageSummary read(Path page, String name) {
    try (BufferedReader in = Files.newBufferedReader(page, StandardCharsets.UTF_8)) {
      for (int k = 0; k < 8; k++) {
        String line = in.readLine();
        if (line == null) {
          return null;
        }
        PageSummary s = PageSummary.parse(line, name);
        if (s != null) {
          return s;
        }
      }
      return null;
    } catch (IOException e) {
      return null; // removed while we listed, or not ours
    }
  }

  /**
   * Writes {@code content} to a temporary file beside {@code file} and renames it into place, so no
   * reader ever sees half a page. The old file is deleted first: ext4 flushes the data to disk when
   * a rename replaces an existing file (auto_da_alloc), which made each page cost milliseconds.
   */
  private void writeAtomically(Path file, String content) throws IOException {
    Path tmp =
        directory.resolve(
            ".gradprop-"
                + ProcessHandle.current().pid()
                + "-"
                + Thread.currentThread().getId()
                + "-"
                + System.nanoTime()
                + ".tmp");
    boolean moved = false;
    try {
      Files.write(
          tmp,
          content.getBytes(StandardCharsets.UTF_8),
          StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE);
      Files.deleteIfExists(file);
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
      moved = true;
    } finally {
      if (!moved) {
        Files.deleteIfExists(tmp);
      }
    }
  }
}
