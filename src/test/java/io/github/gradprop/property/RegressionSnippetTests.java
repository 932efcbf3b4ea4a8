package io.github.gradprop.property;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gradprop.GradientMismatchError;
import io.github.gradprop.testmodels.zoo.SoftmaxRegression;
import io.github.gradprop.testmodels.zoo.TanhRnn;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The regression test a failing property's message ends with, round-tripped: cut from the message,
 * compiled with the system Java compiler against the test class path, and run. It fails on the
 * buggy model (the same mismatch, so the literal values rebuilt the case exactly) and passes once
 * the property names the fixed model.
 */
class RegressionSnippetTests {

  @TempDir Path dir;

  @Test
  void softmaxSnippet_compiles_failsOnTheBuggyModel_andPassesOnTheFixedOne() throws Exception {
    roundTrip(
        SnippetTestCases.Softmax.class,
        "missingOneOverBatch",
        "check.that(new "
            + SoftmaxRegression.class.getName()
            + "("
            + SoftmaxRegression.class.getName()
            + ".Bug.NONE));");
  }

  @Test
  void rnnSnippet_withRank3InputsAndOptions_compiles_failsOnTheBuggyModel_andPassesOnTheFixedOne()
      throws Exception {
    String snippet =
        roundTrip(
            SnippetTestCases.Rnn.class,
            "missingRecurrentTerm",
            "check.that(new "
                + TanhRnn.class.getName()
                + "("
                + TanhRnn.class.getName()
                + ".Bug.NONE));");
    assertThat(snippet)
        .contains(".inputs(new double[][][] {")
        .contains("CheckOptions.defaults().withAtol(1.0E-9).withRtol(1.0E-7)");
  }

  private String roundTrip(Class<?> fixture, String method, String fixedBody) throws Exception {
    Throwable failure =
        PropertyFixtures.onlyFailure(PropertyFixtures.run(fixture, Map.of("gradprop.seed", "3")));
    String message = failure.getMessage();
    String snippet = snippet(message);
    assertThat(snippet)
        .contains("Case.builder(model[0].spec())")
        .contains("Gradients.assertCorrect(");
    String base = fixture.getName().replace('$', '.');
    String buggy =
        "package snippetcheck;\n"
            + imports()
            + "public class Buggy extends "
            + base
            + " {\n"
            + snippet
            + "}\n";
    String fixed =
        "package snippetcheck;\n"
            + imports()
            + "public class Fixed extends "
            + base
            + " {\n"
            + "  @Override public void "
            + method
            + "(io.github.gradprop.GradientCheck check) {\n"
            + "    "
            + fixedBody
            + "\n  }\n"
            + snippet
            + "}\n";
    compile(Map.of("Buggy", buggy, "Fixed", fixed));
    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
      Throwable thrown = invokeSnippet(loader.loadClass("snippetcheck.Buggy"));
      assertThat(thrown).isInstanceOf(GradientMismatchError.class);
      assertThat(thrown.getMessage().lines().findFirst().orElseThrow())
          .isEqualTo(message.lines().findFirst().orElseThrow());
      assertThat(invokeSnippet(loader.loadClass("snippetcheck.Fixed"))).isNull();
    }
    return snippet;
  }

  /** The message's last section, from its {@code @Test} line on. */
  private static String snippet(String message) {
    List<String> lines = message.lines().toList();
    int header = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith("regression test (paste into ")) {
        header = i;
      }
    }
    assertThat(header).as("a regression test section in:%n%s", message).isNotNegative();
    return String.join("\n", lines.subList(header + 1, lines.size())) + "\n";
  }

  private static String imports() {
    return io.github.gradprop.internal.report.RegressionSnippet.IMPORTS.replace("\r", "");
  }

  private void compile(Map<String, String> sources) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assertThat(javac).as("a JDK's compiler").isNotNull();
    Path src = Files.createDirectories(dir.resolve("src/snippetcheck"));
    List<String> args =
        new java.util.ArrayList<>(
            List.of("-d", dir.toString(), "-classpath", System.getProperty("java.class.path")));
    for (Map.Entry<String, String> e : sources.entrySet()) {
      Path file = src.resolve(e.getKey() + ".java");
      Files.writeString(file, e.getValue(), StandardCharsets.UTF_8);
      args.add(file.toString());
    }
    java.io.ByteArrayOutputStream errors = new java.io.ByteArrayOutputStream();
    int rc = javac.run(null, errors, errors, args.toArray(String[]::new));
    assertThat(rc).as("javac on%n%s%n%s", sources.values(), errors).isZero();
  }

  /** Runs the one {@code @Test} method of {@code type}; what it threw, or null. */
  private static Throwable invokeSnippet(Class<?> type) throws Exception {
    for (Method m : type.getDeclaredMethods()) {
      if (m.isAnnotationPresent(org.junit.jupiter.api.Test.class)) {
        m.setAccessible(true);
        try {
          m.invoke(type.getDeclaredConstructor().newInstance());
          return null;
        } catch (InvocationTargetException e) {
          return e.getCause();
        }
      }
    }
    throw new AssertionError("no @Test method in " + type);
  }
}
