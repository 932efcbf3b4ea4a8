package io.github.gradprop.internal.html;

import io.github.gradprop.Verdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The entries of one case as an HTML table: failing first, then non-smooth, then worst OK. */
final class EntryTable {

  private EntryTable() {}

  static String render(List<TensorCells> tensors, int maxRows) {
    List<int[]> rows = new ArrayList<>(); // {tensor, entry}
    int total = 0;
    for (int t = 0; t < tensors.size(); t++) {
      for (int i = 0; i < tensors.get(t).size(); i++) {
        rows.add(new int[] {t, i});
        total++;
      }
    }
    rows.sort(
        Comparator.<int[]>comparingInt(r -> rank(tensors.get(r[0]).verdicts()[r[1]]))
            .thenComparing(
                r -> -orZero(tensors.get(r[0]).relativeError(r[1])), Comparator.naturalOrder()));
    StringBuilder sb = new StringBuilder();
    sb.append(
        "<table class=\"entries\"><thead><tr><th>tensor</th><th>index</th><th>analytic</th>"
            + "<th>numeric</th><th>rel-error</th><th>verdict</th></tr></thead><tbody>\n");
    for (int k = 0; k < Math.min(maxRows, rows.size()); k++) {
      TensorCells t = tensors.get(rows.get(k)[0]);
      int i = rows.get(k)[1];
      sb.append("<tr class=\"")
          .append(t.cssClass(i))
          .append("\"><td>")
          .append(Html.escape(t.name()))
          .append("</td><td>")
          .append(Html.escape(t.indexText(i)))
          .append("</td><td class=\"num\">")
          .append(t.analytic()[i])
          .append("</td><td class=\"num\">")
          .append(t.numeric()[i])
          .append("</td><td class=\"num\">")
          .append(Numbers.small(t.relativeError(i)))
          .append("</td><td>")
          .append(t.verdicts()[i])
          .append("</td></tr>\n");
    }
    sb.append("</tbody></table>\n");
    if (total > maxRows) {
      sb.append("<p class=\"note\">")
          .append(total - maxRows)
          .append(" more entries, with smaller errors, not shown.</p>\n");
    }
    return sb.toString();
  }

  private static int rank(Verdict v) {
    return v.isFailure() ? 0 : v == Verdict.OK ? 2 : 1;
  }

  private static double orZero(double v) {
    return Double.isNaN(v) ? Double.POSITIVE_INFINITY : v;
  }
}
