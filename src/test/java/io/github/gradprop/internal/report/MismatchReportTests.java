package io.github.gradprop.internal.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gradprop.CheckOptions;
import io.github.gradprop.EntryCheck;
import io.github.gradprop.GradientCheckResult;
import io.github.gradprop.Gradients;
import io.github.gradprop.Verdict;
import io.github.gradprop.internal.check.CheckResult;
import io.github.gradprop.model.Case;
import io.github.gradprop.model.GradientModel;
import io.github.gradprop.model.Models;
import io.github.gradprop.testmodels.LinearRegression;
import io.github.gradprop.testmodels.PlantedError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The report's structure: summary, facts, table, footer. The golden text is elsewhere. */
class MismatchReportTests {

  static final Map<String, Integer> DIMS = dims();

  private static Map<String, Integer> dims() {
    Map<String, Integer> d = new LinkedHashMap<>();
    d.put("batch", 2);
    d.put("in", 3);
    d.put("out", 2);
    return d;
  }

  static EntryCheck mismatch(String tensor, int flat, double analytic, double numeric) {
    double rel = Math.abs(analytic - numeric) / Math.max(Math.abs(analytic), Math.abs(numeric));
    return new EntryCheck(
        tensor, new int[] {flat}, flat, analytic, numeric, rel, 1e-8, Verdict.MISMATCH);
  }

  static EntryCheck nonFinite(String tensor, int flat) {
    return new EntryCheck(
        tensor, new int[] {flat}, flat, Double.NaN, 1.0, Double.NaN, 1e-8, Verdict.NON_FINITE);
  }

  /** A result over tensors w (6 entries) and b (2 entries) with the given failures. */
  static GradientCheckResult synthetic(List<EntryCheck> failures, CheckOptions options) {
    Map<String, double[]> values = new LinkedHashMap<>();
    values.put("w", new double[6]);
    values.put("b", new double[2]);
    return new CheckResult("synthetic", DIMS, options, 1.5, 1e-9, values, values, failures, 0, 0);
  }

  static GradientCheckResult synthetic(EntryCheck... failures) {
    return synthetic(List.of(failures), CheckOptions.defaults());
  }

  static List<String> lines(String report) {
    return report.lines().toList();
  }

  /** Lines from the table header up to (excluding) the footer. */
  static List<String> tableLines(String report) {
    List<String> all = lines(report);
    int header =
        all.indexOf(all.stream().filter(l -> l.startsWith("tensor")).findFirst().orElseThrow());
    List<String> table = new ArrayList<>();
    for (int k = header; k < all.size() && !all.get(k).startsWith("("); k++) {
      table.add(all.get(k));
    }
    return table;
  }

  @Nested
  class Summary {

    @Test
    void oneTensor_namesTheCountAndTheTensor() {
      assertThat(MismatchReport.summary(synthetic(mismatch("w", 1, 1.0, 2.0))))
          .isEqualTo("Analytic gradient disagrees with finite differences for 1 of 6 entries of w");
    }

    @Test
    void severalTensors_listEachTensorsCount() {
      assertThat(
              MismatchReport.summary(
                  synthetic(
                      mismatch("b", 0, 1.0, 3.0),
                      mismatch("w", 1, 1.0, 2.0),
                      mismatch("w", 4, 1.0, 1.5))))
          .isEqualTo(
              "Analytic gradient disagrees with finite differences for 3 of 8 entries"
                  + " (b 1 of 2, w 2 of 6)");
    }

    @Test
    void onlyNonFiniteEntries_sayNotFinite() {
      assertThat(MismatchReport.summary(synthetic(nonFinite("w", 0), nonFinite("w", 3))))
          .isEqualTo("Loss or analytic gradient is not finite for 2 of 6 entries of w");
    }

    @Test
    void someNonFiniteEntries_areCountedAfterTheMismatch() {
      assertThat(MismatchReport.summary(synthetic(nonFinite("w", 0), mismatch("b", 1, 1.0, 2.0))))
          .isEqualTo(
              "Analytic gradient disagrees with finite differences for 2 of 8 entries"
                  + " (w 1 of 6, b 1 of 2), 1 of them not finite");
    }

    @Test
    void aPassingResult_saysAllEntriesAgree() {
      assertThat(MismatchReport.summary(synthetic()))
          .isEqualTo("Analytic gradient agrees with finite differences for all 8 entries");
    }

    @Test
    void theSummary_isTheFirstLine_ofTheReport() {
      GradientCheckResult r = synthetic(mismatch("w", 1, 1.0, 2.0));

      assertThat(lines(r.report()).get(0)).isEqualTo(MismatchReport.summary(r));
    }
  }

  @Nested
  class Facts {

    @Test
    void facts_followTheSummary_keysInOrder_withAlignedColons() {
      GradientCheckResult r = synthetic(mismatch("w", 1, 1.0, 2.0));
      List<String> facts = lines(r.report()).subList(1, 6);

      assertThat(facts)
          .extracting(l -> l.substring(0, l.indexOf(" : ")).strip())
          .containsExactly("model", "shape", "loss", "scheme", "tolerance");
      assertThat(facts).extracting(l -> l.indexOf(" : ")).containsOnly("tolerance".length());
    }

    @Test
    void facts_sayWhatTheCheckUsed() {
      CheckOptions o =
          CheckOptions.defaults()
              .withScheme(io.github.gradprop.DifferenceScheme.FIVE_POINT)
              .withAtol(1e-7)
              .withRtol(1e-5);
      String report = synthetic(List.of(mismatch("w", 1, 1.0, 2.0)), o).report();

      assertThat(lines(report).subList(1, 6))
          .containsExactly(
              "model     : synthetic",
              "shape     : batch=2 in=3 out=2",
              "loss      : 1.5",
              "scheme    : 5-point stencil, step 7.4e-04 * max(1, |theta|)",
              "tolerance : |analytic - numeric| <= 1.0e-07 + 1.0e-05 * |numeric| + rounding"
                  + " (at most 1.0e-09 here)");
    }

    @Test
    void aBlankLine_separatesFactsFromTheTable() {
      List<String> lines = lines(synthetic(mismatch("w", 1, 1.0, 2.0)).report());

      int table =
          lines.indexOf(
              lines.stream().filter(l -> l.startsWith("tensor")).findFirst().orElseThrow());
      assertThat(lines.get(table - 1)).isEmpty();
      assertThat(lines.subList(1, table - 1))
          .isNotEmpty()
          .allSatisfy(l -> assertThat(l).matches("^[a-z-]+ +: .*"));
    }

    @Test
    void factsRender_padsKeysToTheLongest() {
      String rendered =
          new io.github.gradprop.internal.report.Facts().add("a", "1").add("longer", "2").render();

      assertThat(lines(rendered)).containsExactly("a      : 1", "longer : 2");
      assertThat(rendered).endsWith(System.lineSeparator());
    }
  }

  @Nested
  class TableAndFooter {

    @Test
    void theHeader_namesTheColumnsInOrder() {
      List<String> table = tableLines(synthetic(mismatch("w", 1, 1.0, 2.0)).report());

      assertThat(table.get(0).split("\\s{2,}"))
          .containsExactly("tensor", "index", "analytic", "numeric", "rel-error", "verdict");
    }

    @Test
    void eachRow_hasTensorIndexValuesErrorAndVerdict() {
      List<String> table = tableLines(synthetic(mismatch("w", 1, -0.5, -2.0)).report());

      assertThat(table.get(1).split("\\s{2,}"))
          .containsExactly("w", "[1]", "-5.000000e-01", "-2.000000e+00", "7.5e-01", "MISMATCH");
    }

    @Test
    void cells_areLeftAligned_underTheirHeader_andNumbersAlignOnTheDecimalPoint() {
      List<String> table =
          tableLines(
              synthetic(
                      mismatch("w", 1, -0.5, 2.0), mismatch("b", 0, 12.5, -3.0), nonFinite("w", 5))
                  .report());
      String header = table.get(0);
      int numeric = header.indexOf("numeric");
      int analytic = header.indexOf("analytic");
      int verdict = header.indexOf("verdict");

      for (String row : table.subList(1, table.size())) {
        assertThat(row.charAt(verdict - 1)).as(row).isEqualTo(' ');
        assertThat(row.substring(verdict)).as(row).matches("MISMATCH|NON_FINITE");
        // sign column, then one digit, then the point
        if (!row.contains("NaN")) {
          assertThat(row.charAt(analytic + 2)).as(row).isEqualTo('.');
        }
        assertThat(row.charAt(numeric + 2)).as(row).isEqualTo('.');
      }
    }

    @Test
    void rows_keepTheResultsOrder_oneRowPerFailure() {
      List<String> table =
          tableLines(
              synthetic(nonFinite("w", 5), mismatch("b", 0, 1.0, 3.0), mismatch("w", 1, 1.0, 2.0))
                  .report());

      assertThat(table.subList(1, table.size()))
          .extracting(l -> l.split("\\s{2,}")[0] + l.split("\\s{2,}")[1])
          .containsExactly("w[5]", "b[0]", "w[1]");
    }

    @Test
    void aNonFiniteRow_showsNaN_andItsVerdict() {
      List<String> table = tableLines(synthetic(nonFinite("w", 5)).report());

      assertThat(table.get(1).split("\\s{2,}"))
          .containsExactly("w", "[5]", "NaN", "1.000000e+00", "NaN", "NON_FINITE");
    }

    @Test
    void theFooter_countsAgreeingEntries_andEndsTheReport() {
      String report = synthetic(mismatch("w", 1, 1.0, 2.0), mismatch("b", 0, 1.0, 3.0)).report();

      assertThat(lines(report)).last().isEqualTo("(6 entries agree; worst first, at most 10 rows)");
      assertThat(report).endsWith("rows)");
    }

    @Test
    void atMostTenRows_areShown_andTheRestAreCounted() {
      List<EntryCheck> failures = new ArrayList<>();
      for (int k = 0; k < 6; k++) {
        failures.add(mismatch("w", k, 1.0, 2.0 + k));
      }
      for (int k = 0; k < 2; k++) {
        failures.add(mismatch("b", k, 1.0, 2.0));
      }
      String report = synthetic(failures, CheckOptions.defaults().withMaxRows(5)).report();

      assertThat(tableLines(report)).hasSize(1 + 5);
      assertThat(lines(report))
          .last()
          .isEqualTo("(0 entries agree, 3 more failing not shown; worst first, at most 5 rows)");
    }

    @Test
    void theDefaultLimit_isTenRows() {
      // Linear regression forgetting the batch mean: all 15 entries are wrong by a factor 5.
      GradientCheckResult r =
          Gradients.check(
              LinearRegression.forgettingTheBatchMean(), LinearRegression.randomCase(11, 5, 4, 3));

      assertThat(tableLines(r.report())).hasSize(1 + 10);
      // the footer ends the table; the diagnosis (a factor of batch = 5) follows it in r.report()
      assertThat(lines(MismatchReport.format(r)))
          .last()
          .isEqualTo("(0 entries agree, 5 more failing not shown; worst first, at most 10 rows)");
    }

    @Test
    void aPassingReport_hasNoTable_andNoTrailingNewline() {
      String report = synthetic().report();

      assertThat(lines(report)).hasSize(7).last().asString().startsWith("policy    : ");
      assertThat(report).doesNotContain("tensor  index").doesNotEndWith(System.lineSeparator());
    }
  }

  /** The engine sorts failures worst first; the report shows them in that order. */
  @Nested
  class WorstFirst {

    @Test
    void nonFiniteEntriesComeFirst_thenLargerRelativeErrors() {
      Case c = LinearRegression.randomCase(4, 3, 3, 2);
      GradientModel planted =
          new PlantedError(
              new PlantedError(
                  new PlantedError(LinearRegression.correct(), "w", 0, 1e-3), "b", 1, 1e-1),
              "w",
              4,
              1e-2);
      GradientModel withNaN =
          Models.of(
              LinearRegression.SPEC,
              planted::loss,
              (p, b, g) -> {
                planted.gradient(p, b, g);
                g.tensor("w").set(5, Double.NaN);
              });

      GradientCheckResult r = Gradients.check(withNaN, c);

      assertThat(r.failures())
          .extracting(e -> e.tensor() + e.indexText())
          .containsExactly("w[1, 2]", "b[1]", "w[1, 1]", "w[0, 0]");
      assertThat(tableLines(r.report()).subList(1, 5))
          .extracting(l -> l.split("\\s{2,}")[0] + l.split("\\s{2,}")[1])
          .containsExactly("w[1, 2]", "b[1]", "w[1, 1]", "w[0, 0]");
    }

    @Test
    void theSameModelWithoutPlantedErrors_passes() {
      Case c = LinearRegression.randomCase(4, 3, 3, 2);
      GradientModel planted =
          new PlantedError(
              new PlantedError(
                  new PlantedError(LinearRegression.correct(), "w", 0, 0.0), "b", 1, 0.0),
              "w",
              4,
              0.0);

      assertThat(Gradients.check(planted, c).passed()).isTrue();
    }

    @Test
    void failures_areSortedByNonIncreasingRelativeError() {
      GradientCheckResult r =
          Gradients.check(
              LinearRegression.forgettingTheBatchMean(), LinearRegression.randomCase(11, 5, 4, 3));

      List<Double> errors = r.failures().stream().map(EntryCheck::relativeError).toList();
      assertThat(errors).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }
  }
}
