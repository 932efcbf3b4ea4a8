package io.github.gradprop.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.gradprop.EntryCheck;
import io.github.gradprop.GradientCheck;
import io.github.gradprop.GradientCheckResult;
import io.github.gradprop.GradientMismatchError;
import io.github.gradprop.GradientProperty;
import io.github.gradprop.Gradients;
import io.github.gradprop.TargetKind;
import io.github.gradprop.model.Batch;
import io.github.gradprop.model.Case;
import io.github.gradprop.model.GradientModel;
import io.github.gradprop.model.ModelSpec;
import io.github.gradprop.model.Parameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The replay invariant, fuzzed: for generated MLP-like models with a randomly planted bug, every
 * reported counterexample fails again the same way when replayed through the printed seed and when
 * its printed literals are pasted into {@code Case.builder}. Plain loops, fixed seeds.
 */
class ReplayInvariantTests {

  private static final int MODELS = 12;

  @SuppressWarnings("unused")
  static class Annotated {
    @GradientProperty(targets = TargetKind.REAL)
    void real(GradientCheck c) {}
  }

  private static GradientProperty annotation() {
    try {
      return Annotated.class
          .getDeclaredMethod("real", GradientCheck.class)
          .getAnnotation(GradientProperty.class);
    } catch (NoSuchMethodException e) {
      throw new AssertionError(e);
    }
  }

  private static GradientMismatchError runProperty(GradientModel model, long seed) {
    Map<String, String> config =
        Map.of(
            "gradprop.seed", Long.toString(seed),
            "gradprop.replay", "false",
            "gradprop.tries", "60",
            "gradprop.shrinkMillis", "600000");
    PropertySettings settings =
        PropertySettings.resolve(
            annotation(), k -> Optional.ofNullable(config.get(k)), model.spec(), 1);
    Throwable t =
        catchThrowable(
            () ->
                new PropertyRunner(model, settings, null, "Fuzz#real", System::currentTimeMillis)
                    .run());
    assertThat(t)
        .as("%s, seed %d", model.spec().name(), seed)
        .isInstanceOf(GradientMismatchError.class);
    return (GradientMismatchError) t;
  }

  @Test
  void everyCounterexample_failsAgainTheSameWay_throughItsPrintedSeed_andItsPrintedLiterals() {
    int checked = 0;
    for (long modelSeed = 1; modelSeed <= MODELS; modelSeed++) {
      FuzzedMlp model = FuzzedMlp.random(new Random(modelSeed));
      GradientMismatchError first = runProperty(model, 1000 + modelSeed);
      String message = first.getMessage();
      List<String> expected = failingEntries(first.result());
      assertThat(expected).as(model.spec().name()).isNotEmpty();

      long printedSeed = printedSeed(message);
      GradientMismatchError replayed = runProperty(model, printedSeed);
      assertThat(failingEntries(replayed.result()))
          .as("%s replayed through seed %d", model.spec().name(), printedSeed)
          .isEqualTo(expected);
      assertThat(caseText(replayed.getMessage()))
          .usingElementComparator(java.util.Arrays::compare)
          .containsExactlyElementsOf(caseText(message));

      Case pasted = pasteLiterals(model.spec(), caseText(message));
      GradientCheckResult again = Gradients.check(model, pasted);
      assertThat(again.passed()).as("%s, pasted literals", model.spec().name()).isFalse();
      assertThat(failingEntries(again))
          .as("%s, pasted literals", model.spec().name())
          .isEqualTo(expected);
      checked++;
    }
    assertThat(checked).isEqualTo(MODELS);
  }

  @Test
  void theCorrectTwins_ofTheFuzzedModels_pass() {
    for (long modelSeed = 1; modelSeed <= MODELS; modelSeed++) {
      FuzzedMlp model = FuzzedMlp.random(new Random(modelSeed)).withoutBug();
      Map<String, String> config = Map.of("gradprop.seed", "7", "gradprop.replay", "false");
      PropertySettings settings =
          PropertySettings.resolve(
              annotation(), k -> Optional.ofNullable(config.get(k)), model.spec(), 1);
      new PropertyRunner(model, settings, null, "Fuzz#real", System::currentTimeMillis).run();
    }
  }

  private static List<String> failingEntries(GradientCheckResult r) {
    List<String> out = new ArrayList<>();
    for (EntryCheck e : r.failures()) {
      out.add(e.tensor() + e.indexText() + " " + e.verdict());
    }
    return out;
  }

  private static long printedSeed(String message) {
    Matcher m = Pattern.compile("(?m)^seed +: (\\d+), try \\d+ of \\d+").matcher(message);
    assertThat(m.find()).as(message).isTrue();
    return Long.parseLong(m.group(1));
  }

  /** The lines of the printed case, {@code name = literal}, as the report prints them. */
  private static List<String[]> caseText(String message) {
    String[] lines = message.split("\\R");
    List<String[]> out = new ArrayList<>();
    int k = 0;
    while (k < lines.length && !lines[k].startsWith("case (")) {
      k++;
    }
    assertThat(k).as(message).isLessThan(lines.length);
    for (k++; k < lines.length && !lines[k].isBlank(); k++) {
      int eq = lines[k].indexOf(" = ");
      out.add(new String[] {lines[k].substring(0, eq).trim(), lines[k].substring(eq + 3).trim()});
    }
    return out;
  }

  private static Case pasteLiterals(ModelSpec spec, List<String[]> lines) {
    Case.Builder b = Case.builder(spec);
    for (String[] line : lines) {
      String name = line[0];
      String literal = line[1];
      boolean matrix = literal.startsWith("{{");
      double[][] rows = parseMatrix(matrix ? literal : "{" + literal + "}");
      if (name.equals("inputs")) {
        b.inputs(rows);
      } else if (name.equals("targets")) {
        b.targets(rows);
      } else if (matrix) {
        b.parameter(name, rows);
      } else {
        b.parameter(name, rows[0]);
      }
    }
    return b.build();
  }

  private static double[][] parseMatrix(String literal) {
    String inner = literal.substring(2, literal.length() - 2);
    String[] rowTexts = inner.split("\\},\\s*\\{");
    double[][] rows = new double[rowTexts.length][];
    for (int r = 0; r < rowTexts.length; r++) {
      String[] cells = rowTexts[r].split(",\\s*");
      rows[r] = new double[cells.length];
      for (int c = 0; c < cells.length; c++) {
        rows[r][c] = Double.parseDouble(cells[c]);
      }
    }
    return rows;
  }

  /** A one-hidden-layer network drawn at random, with one planted bug in its backward pass. */
  static final class FuzzedMlp implements GradientModel {

    enum Bug {
      NONE,
      MISSING_ACTIVATION_DERIVATIVE,
      DOUBLED_OUTPUT_GRADIENT,
      BIAS_SIGN_FLIPPED,
      LAST_EXAMPLE_SKIPPED,
      FIRST_INPUT_FOR_EVERY_INPUT
    }

    enum Activation {
      TANH,
      SIN,
      SOFTPLUS,
      CUBIC
    }

    private final Activation activation;
    private final boolean bias;
    private final Bug bug;
    private final ModelSpec spec;

    private FuzzedMlp(Activation activation, boolean bias, Bug bug) {
      this.activation = activation;
      this.bias = bias;
      this.bug = bug;
      ModelSpec s =
          ModelSpec.named("fuzzed mlp: " + activation + (bias ? ", bias, " : ", ") + bug)
              .inputs("batch", "in")
              .parameter("w1", "hidden", "in");
      if (bias) {
        s = s.parameter("b1", "hidden");
      }
      this.spec = s.parameter("w2", "out", "hidden").targets("batch", "out");
    }

    static FuzzedMlp random(Random r) {
      Activation a = Activation.values()[r.nextInt(Activation.values().length)];
      Bug bug = Bug.values()[1 + r.nextInt(Bug.values().length - 1)];
      boolean bias = bug == Bug.BIAS_SIGN_FLIPPED || r.nextBoolean();
      return new FuzzedMlp(a, bias, bug);
    }

    FuzzedMlp withoutBug() {
      return new FuzzedMlp(activation, bias, Bug.NONE);
    }

    @Override
    public ModelSpec spec() {
      return spec;
    }

    @Override
    public double loss(Parameters p, Batch b) {
      return run(p, b, null);
    }

    @Override
    public void gradient(Parameters p, Batch b, Parameters g) {
      run(p, b, g);
    }

    private double f(double s) {
      return switch (activation) {
        case TANH -> Math.tanh(s);
        case SIN -> Math.sin(s);
        case SOFTPLUS -> Math.log1p(Math.exp(s));
        case CUBIC -> s + s * s * s / 3;
      };
    }

    private double df(double s) {
      return switch (activation) {
        case TANH -> 1 - Math.tanh(s) * Math.tanh(s);
        case SIN -> Math.cos(s);
        case SOFTPLUS -> 1 / (1 + Math.exp(-s));
        case CUBIC -> 1 + s * s;
      };
    }

    private double run(Parameters p, Batch b, Parameters g) {
      double[][] w1 = p.matrix("w1");
      double[] b1 = bias ? p.vector("b1") : null;
      double[][] w2 = p.matrix("w2");
      double[][] x = b.inputs();
      double[][] y = b.targets();
      double loss = 0;
      double[][] gw1 = g == null ? null : g.matrix("w1");
      double[] gb1 = g == null || !bias ? null : g.vector("b1");
      double[][] gw2 = g == null ? null : g.matrix("w2");
      for (int n = 0; n < x.length; n++) {
        double[] s = new double[w1.length];
        double[] a = new double[w1.length];
        for (int j = 0; j < w1.length; j++) {
          s[j] = bias ? b1[j] : 0;
          for (int i = 0; i < x[n].length; i++) {
            s[j] += w1[j][i] * x[n][i];
          }
          a[j] = f(s[j]);
        }
        double[] r = new double[w2.length];
        for (int k = 0; k < w2.length; k++) {
          double o = 0;
          for (int j = 0; j < a.length; j++) {
            o += w2[k][j] * a[j];
          }
          r[k] = o - y[n][k];
          loss += 0.5 * r[k] * r[k];
        }
        if (g == null || (bug == Bug.LAST_EXAMPLE_SKIPPED && n == x.length - 1 && n > 0)) {
          continue;
        }
        backward(x[n], s, a, r, w2, gw1, gb1, gw2);
      }
      if (g != null) {
        finish(gb1, gw2);
        g.set("w1", gw1);
        g.set("w2", gw2);
        if (bias) {
          g.set("b1", gb1);
        }
      }
      return loss;
    }

    private void backward(
        double[] x,
        double[] s,
        double[] a,
        double[] r,
        double[][] w2,
        double[][] gw1,
        double[] gb1,
        double[][] gw2) {
      for (int k = 0; k < w2.length; k++) {
        for (int j = 0; j < a.length; j++) {
          gw2[k][j] += r[k] * a[j];
        }
      }
      for (int j = 0; j < a.length; j++) {
        double back = 0;
        for (int k = 0; k < w2.length; k++) {
          back += r[k] * w2[k][j];
        }
        double delta = bug == Bug.MISSING_ACTIVATION_DERIVATIVE ? back : back * df(s[j]);
        for (int i = 0; i < x.length; i++) {
          gw1[j][i] += delta * (bug == Bug.FIRST_INPUT_FOR_EVERY_INPUT ? x[0] : x[i]);
        }
        if (gb1 != null) {
          gb1[j] += delta;
        }
      }
    }

    private void finish(double[] gb1, double[][] gw2) {
      if (bug == Bug.DOUBLED_OUTPUT_GRADIENT) {
        for (double[] row : gw2) {
          for (int j = 0; j < row.length; j++) {
            row[j] *= 2;
          }
        }
      }
      if (bug == Bug.BIAS_SIGN_FLIPPED && gb1 != null) {
        for (int j = 0; j < gb1.length; j++) {
          gb1[j] = -gb1[j];
        }
      }
    }
  }
}
