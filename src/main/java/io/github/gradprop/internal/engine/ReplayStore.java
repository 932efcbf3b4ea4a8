package io.github.gradprop.internal.engine;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.github.gradprop.model.Case;
import io.github.gradprop.model.ModelSpec;
import io.github.gradprop.model.Tensor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Keeps the last shrunk counterexample of each failing property under the build directory ({@code
 * target/gradprop/replay}), so the next run tries it first. Never writes outside an existing {@code
 * target} directory; one file per property, so parallel tests do not share state.
 */
@API(status = INTERNAL, since = "0.1")
public final class ReplayStore {

  /** A stored counterexample and the seed it came from. */
  public record Stored(long seed, Case aCase, Path file) {}

  private final Path directory;

  private ReplayStore(Path directory) {
    this.directory = directory;
  }

  /** The store under {@code <basedir>/target}, or null when there is no build directory. */
  public static ReplayStore forBuildDirectory() {
    String basedir = System.getProperty("basedir");
    Path target =
        (basedir != null ? Path.of(basedir) : Path.of("")).toAbsolutePath().resolve("target");
    if (!Files.isDirectory(target)) {
      return null;
    }
    return new ReplayStore(target.resolve("gradprop").resolve("replay"));
  }

  /** A store in {@code directory} (for tests). */
  public static ReplayStore in(Path directory) {
    return new ReplayStore(directory);
  }

  Path fileFor(String propertyId) {
    return directory.resolve(propertyId.replaceAll("[^A-Za-z0-9._-]", "_") + ".txt");
  }

  /** The stored case for {@code propertyId}, or null when there is none or it no longer fits. */
  public Stored load(String propertyId, ModelSpec spec) {
    Path file = fileFor(propertyId);
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      long seed = 0;
      Map<String, Integer> dims = new LinkedHashMap<>();
      Map<String, double[]> values = new LinkedHashMap<>();
      for (String line : lines) {
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        int eq = line.indexOf('=');
        String key = line.substring(0, eq);
        String value = line.substring(eq + 1);
        if (key.equals("seed")) {
          seed = Long.parseLong(value);
        } else if (key.startsWith("dim.")) {
          dims.put(key.substring(4), Integer.parseInt(value));
        } else if (key.startsWith("tensor.")) {
          String[] parts = value.isEmpty() ? new String[0] : value.split(",");
          double[] v = new double[parts.length];
          for (int i = 0; i < parts.length; i++) {
            v[i] = Double.parseDouble(parts[i]);
          }
          values.put(key.substring(7), v);
        }
      }
      Case c = Case.zeros(spec, dims);
      for (Tensor t : c.tensors()) {
        double[] v = values.get(t.name());
        if (v == null || v.length != t.size()) {
          delete(propertyId);
          return null;
        }
        for (int i = 0; i < v.length; i++) {
          t.set(i, v[i]);
        }
      }
      return new Stored(seed, c, file);
    } catch (IOException | RuntimeException e) {
      delete(propertyId); // a stale or foreign file: the model changed since it was written
      return null;
    }
  }

  /** Stores {@code c} as the counterexample of {@code propertyId}; returns the file, or null. */
  public Path save(String propertyId, long seed, Case c) {
    List<String> lines = new ArrayList<>();
    lines.add(
        "# gradprop counterexample of model `"
            + c.spec().name()
            + "`; tried first on the next run");
    lines.add("seed=" + seed);
    for (Map.Entry<String, Integer> e : c.dims().entrySet()) {
      lines.add("dim." + e.getKey() + "=" + e.getValue());
    }
    for (Tensor t : c.tensors()) {
      StringBuilder sb = new StringBuilder("tensor.").append(t.name()).append('=');
      for (int i = 0; i < t.size(); i++) {
        sb.append(i == 0 ? "" : ",").append(t.get(i));
      }
      lines.add(sb.toString());
    }
    Path file = fileFor(propertyId);
    try {
      Files.createDirectories(directory);
      Path tmp = Files.createTempFile(directory, "replay", ".tmp");
      Files.write(tmp, lines, StandardCharsets.UTF_8);
      Files.move(
          tmp,
          file,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      return file;
    } catch (IOException e) {
      return null;
    }
  }

  /** Removes the stored case of {@code propertyId}, if any. */
  public void delete(String propertyId) {
    try {
      Files.deleteIfExists(fileFor(propertyId));
    } catch (IOException e) {
      // nothing to do: a stale file is ignored next time anyway
    }
  }
}
