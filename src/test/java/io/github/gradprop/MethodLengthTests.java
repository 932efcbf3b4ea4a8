package io.github.gradprop;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.thirdparty.org.objectweb.asm.ClassReader;
import com.tngtech.archunit.thirdparty.org.objectweb.asm.ClassVisitor;
import com.tngtech.archunit.thirdparty.org.objectweb.asm.Label;
import com.tngtech.archunit.thirdparty.org.objectweb.asm.MethodVisitor;
import com.tngtech.archunit.thirdparty.org.objectweb.asm.Opcodes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Methods in {@code src/main} read in one screen: at most {@value #LIMIT} lines from the first to
 * the last line the compiler recorded for them (lambda bodies count for their own synthetic
 * method). Methods still over the limit are listed by name in {@link #OVER_LIMIT}; the list may
 * only shrink.
 */
class MethodLengthTests {

  static final int LIMIT = 60;

  /** Methods over the limit today, to be split; a method leaves the list when it is short. */
  static final List<String> OVER_LIMIT = List.of();

  @Test
  void everyProductionMethod_isAtMostSixtyLines_apartFromTheNamedOnes() throws IOException {
    Map<String, Integer> over = longMethods(Paths.get("target/classes"), LIMIT);

    assertThat(over.keySet())
        .as("methods over %d lines (split them, or they must be in OVER_LIMIT): %s", LIMIT, over)
        .isSubsetOf(OVER_LIMIT);
  }

  @Test
  void theAllowList_namesOnlyMethodsThatAreStillLong() throws IOException {
    Map<String, Integer> over = longMethods(Paths.get("target/classes"), LIMIT);

    assertThat(OVER_LIMIT)
        .as("methods in OVER_LIMIT that are now short enough to leave it")
        .isSubsetOf(over.keySet());
  }

  @Test
  void theMeasure_findsALongMethod_andPassesShortOnes() throws IOException {
    // Twin: the measure is not vacuous. A limit of 5 flags methods this project surely has.
    Map<String, Integer> strict = longMethods(Paths.get("target/classes"), 5);
    assertThat(strict).isNotEmpty();
    assertThat(strict.values()).allSatisfy(n -> assertThat(n).isGreaterThan(5));
  }

  /** Every method over {@code limit} lines, as {@code class#method} to its length. */
  static Map<String, Integer> longMethods(Path classes, int limit) throws IOException {
    Map<String, Integer> over = new TreeMap<>();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(classes)) {
      files = walk.filter(p -> p.toString().endsWith(".class")).toList();
    }
    assertThat(files).as("compiled classes under %s", classes).isNotEmpty();
    for (Path file : files) {
      for (Map.Entry<String, Integer> m : methodLengths(file).entrySet()) {
        if (m.getValue() > limit) {
          over.merge(m.getKey(), m.getValue(), Math::max);
        }
      }
    }
    return over;
  }

  private static Map<String, Integer> methodLengths(Path file) {
    Map<String, Integer> lengths = new TreeMap<>();
    try (InputStream in = Files.newInputStream(file)) {
      ClassReader reader = new ClassReader(in);
      String owner = reader.getClassName().replace('/', '.');
      String top = owner.contains("$") ? owner.substring(0, owner.indexOf('$')) : owner;
      reader.accept(
          new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(
                int access, String name, String descriptor, String signature, String[] ex) {
              // static initialisers hold data tables (the settings' resolver table), not steps
              if ((access & Opcodes.ACC_SYNTHETIC) != 0 || name.equals("<clinit>")) {
                return null;
              }
              List<Integer> lines = new ArrayList<>();
              return new MethodVisitor(Opcodes.ASM9) {
                @Override
                public void visitLineNumber(int line, Label start) {
                  lines.add(line);
                }

                @Override
                public void visitEnd() {
                  if (!lines.isEmpty()) {
                    int n = lines.stream().max(Integer::compare).get();
                    n -= lines.stream().min(Integer::compare).get();
                    String key = (owner.equals(top) ? owner : top) + "#" + name;
                    lengths.merge(key, n + 1, Math::max);
                  }
                }
              };
            }
          },
          ClassReader.SKIP_FRAMES);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return lengths;
  }
}
