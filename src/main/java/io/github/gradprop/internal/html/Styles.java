package io.github.gradprop.internal.html;

import java.util.Map;

/** The inline style sheet and small shared pieces of markup. */
final class Styles {

  private Styles() {}

  static final String CSS =
      """
      body { font: 14px/1.45 system-ui, sans-serif; margin: 1.5em 2em; color: #1b1b1b; }
      h1 { font-size: 1.35em; margin: 0.2em 0; word-break: break-all; }
      h2 { font-size: 1.1em; margin-top: 1.6em; border-bottom: 1px solid #ddd; }
      h3 { font-size: 1em; margin: 1em 0 0.3em; font-family: monospace; }
      .badge { font-size: 0.75em; padding: 0.1em 0.5em; border-radius: 0.6em; color: #fff; }
      .badge.failed, tr.failed td.outcome { background: #b00020; color: #fff; }
      .badge.passed, tr.passed td.outcome { background: #2e7d32; color: #fff; }
      .headline { font-weight: 600; }
      table { border-collapse: collapse; margin: 0.4em 0; }
      td, th { padding: 0.15em 0.7em; border-bottom: 1px solid #eee; text-align: left;
        vertical-align: top; }
      table.facts th, table.statistics th { font-weight: normal; color: #555; }
      td.num { font-family: monospace; text-align: right; }
      tr.mismatch td { background: #fde0dc; }
      tr.kink td, tr.unresolved td { background: #e3ecfa; }
      .figures { display: flex; flex-wrap: wrap; gap: 1.5em; }
      figure { margin: 0; }
      figcaption { font-size: 0.85em; color: #555; max-width: 640px; }
      svg text { font: 10px monospace; fill: #444; }
      svg text.axis { text-anchor: middle; }
      svg text.axis.row { text-anchor: end; }
      svg.legend text { font: 12px system-ui, sans-serif; fill: #1b1b1b; }
      svg.legend text.axis { font: 10px monospace; }
      rect.cell { stroke: #fff; stroke-width: 1; }
      rect.cell.mismatch { stroke: #e00000; stroke-width: 3; }
      rect.cell.kink, rect.cell.unresolved { stroke: #1f5fbf; stroke-width: 2;
        stroke-dasharray: 3 2; }
      rect.swatch.mismatch { stroke: #e00000; stroke-width: 3; }
      rect.swatch.kink { stroke: #1f5fbf; stroke-width: 2; stroke-dasharray: 3 2; }
      g.entry:hover rect.cell { stroke: #00bcd4; stroke-width: 3; }
      pre.report { background: #f6f6f6; padding: 0.8em; overflow-x: auto; font-size: 12px; }
      ol.history .dims { color: #555; font-family: monospace; }
      .footer, .note, .nav { color: #777; font-size: 0.85em; }
      """;

  static String factTable(String cssClass, Map<String, String> rows) {
    StringBuilder sb = new StringBuilder("<table class=\"").append(cssClass).append("\">\n");
    for (Map.Entry<String, String> e : rows.entrySet()) {
      sb.append("<tr><th>")
          .append(Html.escape(e.getKey()))
          .append("</th><td>")
          .append(Html.escape(e.getValue()))
          .append("</td></tr>\n");
    }
    return sb.append("</table>\n").toString();
  }
}
