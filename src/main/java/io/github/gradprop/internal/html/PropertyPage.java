package io.github.gradprop.internal.html;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.github.gradprop.GradientCheckResult;
import io.github.gradprop.internal.shrinking.Shrinker;
import io.github.gradprop.model.Case;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The page of one property, as a value, and its rendering: a self-contained HTML document (inline
 * CSS and SVG, no script, nothing fetched) with the facts, a heat map per parameter tensor for each
 * case shown, the failing and non-smooth entries as a table, the shrink history, the statistics and
 * the text report.
 *
 * @param propertyId the property, {@code class#method}
 * @param failed whether it failed
 * @param headline the report's first line
 * @param facts model, dims, seed, replay and the like, in order
 * @param figures the cases shown: shrunk and original for a failure, one try for a pass
 * @param history the accepted shrink steps, in order (empty for a pass)
 * @param statistics the property's statistics, in order
 * @param textReport the report as the failure message prints it (or the pass report)
 */
@API(status = INTERNAL, since = "0.1")
public record PropertyPage(
    String propertyId,
    boolean failed,
    String headline,
    Map<String, String> facts,
    List<Figure> figures,
    List<Shrinker.Step> history,
    Map<String, String> statistics,
    String textReport) {

  /** One case shown on the page: its label, its check and the case (for the tensors' shapes). */
  public record Figure(String label, GradientCheckResult result, Case aCase) {}

  /** At most this many rows per entry table; failing and non-smooth entries come first. */
  static final int MAX_TABLE_ROWS = 120;

  /** The outcome as the summary and the index write it. */
  public String outcome() {
    return failed ? "failed" : "passed";
  }

  /** The machine-readable summary the index is rebuilt from. */
  public PageSummary summary(String file, String written) {
    String model = figures.isEmpty() ? "" : figures.get(0).result().modelName();
    return new PageSummary(propertyId, outcome(), model, headline, file, written);
  }

  /** The whole document. */
  public String render(String written) {
    StringBuilder sb = new StringBuilder(16_384);
    sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    sb.append(summary("", written).comment()).append('\n');
    sb.append("<title>gradprop: ")
        .append(Html.escape(propertyId))
        .append(" (")
        .append(outcome())
        .append(")</title>\n");
    sb.append("<style>\n").append(Styles.CSS).append("</style>\n</head>\n");
    sb.append("<body class=\"").append(outcome()).append("\">\n");
    sb.append("<p class=\"nav\"><a href=\"index.html\">all properties</a></p>\n");
    sb.append("<h1>")
        .append(Html.escape(propertyId))
        .append(" <span class=\"badge ")
        .append(outcome())
        .append("\">")
        .append(outcome())
        .append("</span></h1>\n");
    sb.append("<p class=\"headline\">").append(Html.escape(headline)).append("</p>\n");
    sb.append(Styles.factTable("facts", facts));
    List<List<TensorCells>> cells = new java.util.ArrayList<>();
    for (Figure f : figures) {
      cells.add(TensorCells.of(f.result(), f.aCase()));
    }
    appendHeatMaps(sb, cells);
    appendEntryTables(sb, cells);
    appendHistory(sb);
    sb.append("<h2 id=\"statistics\">Statistics</h2>\n");
    sb.append(Styles.factTable("statistics", statistics));
    sb.append("<h2 id=\"report\">Report</h2>\n");
    sb.append("<div id=\"diagnosis\"><pre class=\"report\">")
        .append(Html.escape(textReport))
        .append("</pre></div>\n");
    sb.append("<p class=\"footer\">written by gradprop at ")
        .append(Html.escape(written))
        .append("</p>\n</body>\n</html>\n");
    return sb.toString();
  }

  private void appendHeatMaps(StringBuilder sb, List<List<TensorCells>> cellsByFigure) {
    if (figures.isEmpty()) {
      return;
    }
    sb.append("<h2 id=\"heatmaps\">Relative error per entry</h2>\n");
    sb.append("<div class=\"legend\">").append(HeatMap.legend()).append("</div>\n");
    List<String> tensors = figures.get(0).result().tensors();
    for (String tensor : tensors) {
      sb.append("<section class=\"tensor\">\n<h3>").append(Html.escape(tensor)).append("</h3>\n");
      sb.append("<div class=\"figures\">\n");
      for (int k = 0; k < figures.size(); k++) {
        Figure f = figures.get(k);
        TensorCells cells = named(cellsByFigure.get(k), tensor);
        if (cells == null) {
          continue;
        }
        sb.append("<figure data-case=\"")
            .append(Html.escape(f.label()))
            .append("\">")
            .append(HeatMap.svg(cells, f.label()))
            .append("<figcaption>")
            .append(Html.escape(caption(f, cells)))
            .append("</figcaption></figure>\n");
      }
      sb.append("</div>\n</section>\n");
    }
  }

  private static TensorCells named(List<TensorCells> all, String tensor) {
    for (TensorCells t : all) {
      if (t.name().equals(tensor)) {
        return t;
      }
    }
    return null;
  }

  private static String caption(Figure f, TensorCells cells) {
    int failing = 0;
    int kinks = 0;
    for (int i = 0; i < cells.size(); i++) {
      String c = cells.cssClass(i);
      failing += c.startsWith("mismatch") ? 1 : 0;
      kinks += c.equals("ok") || c.startsWith("mismatch") ? 0 : 1;
    }
    return String.format(
        Locale.ROOT,
        "%s case, shape %s: %d of %d entries fail, %d at kinks or unresolved",
        f.label(),
        java.util.Arrays.toString(cells.shape()),
        failing,
        cells.size(),
        kinks);
  }

  private void appendEntryTables(StringBuilder sb, List<List<TensorCells>> cellsByFigure) {
    if (figures.isEmpty()) {
      return;
    }
    sb.append("<h2 id=\"entries\">Entries</h2>\n");
    for (int k = 0; k < figures.size(); k++) {
      Figure f = figures.get(k);
      sb.append(k == 0 ? "<details open>" : "<details>")
          .append("<summary>")
          .append(Html.escape(f.label()))
          .append(" case: ")
          .append(Html.escape(f.result().dims().toString()))
          .append("</summary>\n");
      sb.append(EntryTable.render(cellsByFigure.get(k), MAX_TABLE_ROWS));
      sb.append("</details>\n");
    }
  }

  private void appendHistory(StringBuilder sb) {
    if (!failed) {
      return;
    }
    sb.append("<h2 id=\"shrinking\">Shrink history</h2>\n");
    if (history.isEmpty()) {
      sb.append("<p>No smaller case failed the same way.</p>\n");
      return;
    }
    sb.append("<ol class=\"history\">\n");
    for (Shrinker.Step s : history) {
      sb.append("<li>")
          .append(Html.escape(s.description()))
          .append(" <span class=\"dims\">(")
          .append(Html.escape(s.dims()))
          .append(")</span></li>\n");
    }
    sb.append("</ol>\n");
  }
}
