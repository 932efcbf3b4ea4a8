package io.github.gradprop.internal.html;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gradprop.CheckOptions;
import io.github.gradprop.EntryCheck;
import io.github.gradprop.Verdict;
import io.github.gradprop.internal.check.CheckResult;
import io.github.gradprop.internal.check.KinkFindings;
import io.github.gradprop.internal.report.NoteFacts;
import io.github.gradprop.internal.shrinking.Shrinker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportWriterTests {

  /** w: 2 x 3 with a mismatch at [1, 2] and a kink at [0, 0]; b: 3, all agree. */
  static TensorCells weights() {
    double[] a = {1, 2, 3, 4, 5, 0};
    double[] n = {0.5, 2, 3, 4, 5 + 1e-9, -1};
    Verdict[] v = {Verdict.KINK, Verdict.OK, Verdict.OK, Verdict.OK, Verdict.OK, Verdict.MISMATCH};
    return new TensorCells("w", new int[] {2, 3}, a, n, v);
  }

  static int count(String text, String needle) {
    Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(text);
    int k = 0;
    while (m.find()) {
      k++;
    }
    return k;
  }

  @Nested
  class Escaping {
    @Test
    void everyMarkupCharacter_isReplacedByAnEntity_andUnescapingRestoresIt() {
      String nasty = "<script>alert('x') & \"y\"</script>";
      assertThat(Html.escape(nasty))
          .isEqualTo("&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;");
      assertThat(Html.unescape(Html.escape(nasty))).isEqualTo(nasty);
    }

    @Test
    void aPageWithMarkupInNamesAndReport_containsNoneOfIt() {
      String evil = "<img src=x onerror=alert(1)>";
      PropertyPage page =
          new PropertyPage(
              "a.B#m" + evil,
              true,
              "headline " + evil,
              Map.of("model", evil),
              List.of(),
              List.of(new Shrinker.Step("deleted " + evil, "n=1", 1)),
              Map.of("try", evil),
              "report " + evil + " --> end");
      String html = page.render("2026-01-01T00:00:00Z");
      assertThat(html).doesNotContain("<img", "<script").contains("&lt;img src=x");
      // the summary comment cannot end early
      String first = html.lines().filter(l -> l.startsWith(PageSummary.MARK)).findFirst().get();
      assertThat(first.indexOf("-->")).isEqualTo(first.length() - 3);
    }
  }

  @Nested
  class HeatMaps {
    @Test
    void oneCellPerEntry_laidOutAsRowsByTheLastAxis() {
      String svg = HeatMap.svg(weights(), "shrunk");
      assertThat(count(svg, "<rect class=\"cell ")).isEqualTo(6);
      assertThat(count(svg, "<title>")).isEqualTo(6);
      assertThat(svg).contains("data-index=\"[1, 2]\"").contains(">[1]</text>");
    }

    @Test
    void mismatchesAndKinks_getDifferentClassesAndPatterns() {
      String svg = HeatMap.svg(weights(), "shrunk");
      assertThat(count(svg, "class=\"cell mismatch\"")).isEqualTo(1);
      assertThat(count(svg, "class=\"cell kink\"")).isEqualTo(1);
      assertThat(count(svg, "class=\"cell ok\"")).isEqualTo(4);
      assertThat(count(svg, "url(#gp-cross)")).isEqualTo(1);
      assertThat(count(svg, "url(#gp-hatch)")).isEqualTo(1);
      assertThat(svg)
          .containsPattern(
              "class=\"cell mismatch\" data-index=\"\\[1, 2\\]\" data-verdict=\"MISMATCH\"")
          .containsPattern("class=\"cell kink\" data-index=\"\\[0, 0\\]\" data-verdict=\"KINK\"");
      String legend = HeatMap.legend();
      assertThat(legend)
          .contains("id=\"gp-cross\"", "id=\"gp-hatch\"")
          .doesNotContain("class=\"cell");
    }

    @Test
    void hoverTitles_showBothDerivativesAndTheVerdict() {
      assertThat(HeatMap.svg(weights(), "shrunk"))
          .contains(
              "<title>w[1, 2]: analytic 0.0, numeric -1.0, rel-error 1.0e+00, MISMATCH</title>");
    }

    @Test
    void colours_runFromPaleAtZeroToDarkAtOne_greyWhenNotFinite() {
      assertThat(HeatMap.colour(0)).isEqualTo("#ffffe5");
      assertThat(HeatMap.colour(1e-12)).isEqualTo("#ffffe5");
      assertThat(HeatMap.colour(1)).isEqualTo("#662506");
      assertThat(HeatMap.colour(Double.NaN)).isEqualTo("#9e9e9e");
    }

    @Test
    void smallNumbers_printAsPercentPoint1e_would() {
      java.util.Random random = new java.util.Random(7);
      double[] fixed = {
        0,
        1,
        -1,
        9.95,
        9.96,
        0.0999,
        1e-300,
        5e-324,
        123456.7,
        1e10,
        0.05,
        // a hand-written formatter once rounded these two differently from the text report
        3.65e-27,
        3.1499999999999997e-12
      };
      for (double v : fixed) {
        assertThat(Numbers.small(v))
            .as("%s", v)
            .isEqualTo(String.format(java.util.Locale.ROOT, "%.1e", v));
      }
      for (int k = 0; k < 20_000; k++) {
        double v = (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(40) - 20);
        assertThat(Numbers.small(v))
            .as("%s", v)
            .isEqualTo(String.format(java.util.Locale.ROOT, "%.1e", v));
      }
    }

    @Test
    void relativeError_isTheClosedForm() {
      TensorCells t = weights();
      assertThat(t.relativeError(0)).isEqualTo(0.5); // |1 - 0.5| / 1
      assertThat(t.relativeError(5)).isEqualTo(1.0); // |0 - (-1)| / 1
      assertThat(t.relativeError(1)).isZero();
    }
  }

  @Nested
  class Verdicts {
    @Test
    void cellsTakeTheResultsVerdicts_tiedEntriesOfAKinkMismatchIncluded() {
      Map<String, double[]> analytic = new LinkedHashMap<>();
      analytic.put("v", new double[] {1, 1, 1, 1});
      Map<String, double[]> numeric = new LinkedHashMap<>();
      numeric.put("v", new double[] {1, 0.5, 1, 1});
      EntryCheck mismatch =
          new EntryCheck("v", new int[] {1}, 1, 1, 0.5, 0.5, 1e-6, Verdict.MISMATCH);
      EntryCheck tie =
          new EntryCheck("v", new int[] {2}, 2, 2, 1, 0.5, 1e-6, Verdict.KINK_MISMATCH);
      EntryCheck kink = new EntryCheck("v", new int[] {0}, 0, 1, 1, 0, 1e-6, Verdict.KINK);
      KinkFindings findings =
          new KinkFindings(
              1,
              0,
              0,
              0,
              List.of(kink),
              List.of(),
              Map.of(tie, List.of("v[2]", "v[3]")),
              NoteFacts.none(),
              false);
      CheckResult r =
          new CheckResult(
              "m",
              Map.of("n", 4),
              CheckOptions.defaults(),
              0,
              0,
              analytic,
              numeric,
              List.of(mismatch, tie),
              0,
              10,
              findings);
      TensorCells cells = TensorCells.of(r, null).get(0);
      assertThat(cells.verdicts())
          .containsExactly(
              Verdict.KINK, Verdict.MISMATCH, Verdict.KINK_MISMATCH, Verdict.KINK_MISMATCH);
      assertThat(cells.cssClass(0)).isEqualTo("kink");
      assertThat(cells.cssClass(3)).isEqualTo("mismatch");
    }
  }

  @Nested
  class Index {
    static PropertyPage page(String id, boolean failed, String headline) {
      return new PropertyPage(id, failed, headline, Map.of(), List.of(), List.of(), Map.of(), "");
    }

    @Test
    void isRebuiltFromThePages_sortedByProperty_ignoringOtherFiles(@TempDir Path dir)
        throws Exception {
      ReportDirectory d = new ReportDirectory(dir);
      d.write(page("z.Last#m", true, "z \"fails\" -->"), "t1");
      d.write(page("a.First#m", false, "a passes"), "t2");
      Files.writeString(dir.resolve("notes.html"), "<p>not a gradprop page</p>");
      Files.writeString(dir.resolve(".gradprop-123.tmp"), "half written");
      d.rebuildIndex();

      assertThat(d.summaries())
          .extracting(PageSummary::property, PageSummary::outcome, PageSummary::headline)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("a.First#m", "passed", "a passes"),
              org.assertj.core.groups.Tuple.tuple("z.Last#m", "failed", "z \"fails\" -->"));
      String index = Files.readString(dir.resolve("index.html"));
      assertThat(index)
          .contains("2 properties, 1 failed")
          .contains("href=\"a.First.m.html\"", "href=\"z.Last.m.html\"")
          .doesNotContain("notes.html");
      assertThat(index.indexOf("a.First#m")).isLessThan(index.indexOf("z.Last#m"));
    }

    @Test
    void rewritingOrRemovingAPage_rewritesTheIndex(@TempDir Path dir) throws Exception {
      ReportDirectory d = new ReportDirectory(dir);
      d.write(page("p.C$Inner#m", true, "fails"), "t1");
      assertThat(dir.resolve("p.C-Inner.m.html")).exists();
      d.write(page("p.C$Inner#m", false, "passes now"), "t2");
      d.rebuildIndex();
      assertThat(Files.readString(dir.resolve("index.html")))
          .contains("1 property, 0 failed", "passes now")
          .doesNotContain("fails");
      d.remove("p.C$Inner#m");
      d.rebuildIndex();
      assertThat(dir.resolve("p.C-Inner.m.html")).doesNotExist();
      assertThat(Files.readString(dir.resolve("index.html"))).contains("0 properties, 0 failed");
      try (var files = Files.list(dir)) {
        assertThat(files.map(p -> p.getFileName().toString())).containsExactly("index.html");
      }
    }

    @Test
    void parallelWriters_leaveAnIndexThatListsEveryPage(@TempDir Path dir) throws Exception {
      ReportDirectory d = new ReportDirectory(dir);
      List<Thread> threads = new java.util.ArrayList<>();
      for (int k = 0; k < 8; k++) {
        String id = "p.C#m" + k;
        threads.add(
            new Thread(
                () -> {
                  d.write(page(id, true, "fails"), "t");
                  try {
                    d.rebuildIndex(); // every writer rebuilds, as every Surefire fork does
                  } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                  }
                }));
      }
      threads.forEach(Thread::start);
      for (Thread t : threads) {
        t.join();
      }
      assertThat(count(Files.readString(dir.resolve("index.html")), "<tr class=\"failed\">"))
          .isEqualTo(8);
    }
  }
}
