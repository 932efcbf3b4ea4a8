package io.github.gradprop.internal.html;

import java.util.List;

/** The index: every property with a page, its outcome and a link. */
final class IndexPage {

  private IndexPage() {}

  static String render(List<PageSummary> pages) {
    long failed = pages.stream().filter(p -> p.outcome().equals("failed")).count();
    StringBuilder sb = new StringBuilder(4096);
    sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    sb.append("<title>gradprop reports</title>\n<style>\n").append(Styles.CSS);
    sb.append("</style>\n</head>\n<body>\n<h1>gradprop reports</h1>\n");
    sb.append("<p class=\"headline\">")
        .append(pages.size())
        .append(pages.size() == 1 ? " property, " : " properties, ")
        .append(failed)
        .append(" failed</p>\n");
    sb.append(
        "<table class=\"index\"><thead><tr><th>property</th><th>outcome</th><th>model</th>"
            + "<th>summary</th><th>written</th></tr></thead><tbody>\n");
    for (PageSummary p : pages) {
      String outcome = Html.escape(p.outcome());
      sb.append("<tr class=\"")
          .append(outcome)
          .append("\"><td><a href=\"")
          .append(Html.escape(p.file()))
          .append("\">")
          .append(Html.escape(p.property()))
          .append("</a></td><td class=\"outcome\">")
          .append(outcome)
          .append("</td><td>")
          .append(Html.escape(p.model()))
          .append("</td><td>")
          .append(Html.escape(p.headline()))
          .append("</td><td>")
          .append(Html.escape(p.written()))
          .append("</td></tr>\n");
    }
    return sb.append("</tbody></table>\n</body>\n</html>\n").toString();
  }
}
