package io.github.gradprop.internal.html;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Locale;
import org.apiguardian.api.API;

/**
 * The SVG heat map of one tensor's relative errors: one {@code <rect>} per entry, coloured on a log
 * scale from 1e-12 (pale) to 1 (dark red), with a {@code <title>} that shows the values on hover.
 * Mismatches carry class {@code mismatch}, a thick red border and a white cross; entries at kinks
 * carry class {@code kink} and a hatch pattern, so the two never look alike.
 */
@API(status = INTERNAL, since = "0.1")
public final class HeatMap {

  static final int MAX_WIDTH = 640;
  static final int LABEL = 34;

  /** The lowest and highest decade of the colour scale. */
  static final int LOW_DECADE = -12;

  private static final int[][] STOPS = {
    {0xff, 0xff, 0xe5},
    {0xfe, 0xe3, 0x91},
    {0xfe, 0x99, 0x29},
    {0xcc, 0x4c, 0x02},
    {0x66, 0x25, 0x06}
  };

  private HeatMap() {}

  /** The cell size in pixels for {@code columns} columns. */
  static int cellSize(int columns) {
    return Math.max(6, Math.min(28, (MAX_WIDTH - LABEL) / Math.max(1, columns)));
  }

  /** The {@code <svg>} element for {@code t}; {@code caption} names the case (shrunk, original). */
  public static String svg(TensorCells t, String caption) {
    int cell = cellSize(t.columns());
    int width = LABEL + cell * t.columns() + 2;
    int height = 18 + cell * t.rows() + 2;
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "<svg class=\"heatmap\" width=\"%d\" height=\"%d\""
                + " viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\" data-tensor=\"%s\">%n",
            width,
            height,
            width,
            height,
            Html.escape("relative error of " + t.name() + ", " + caption),
            Html.escape(t.name())));
    for (int c = 0; c < t.columns() && cell >= 14; c++) {
      sb.append(
          String.format(
              Locale.ROOT,
              "<text class=\"axis\" x=\"%d\" y=\"13\">%d</text>%n",
              LABEL + c * cell + cell / 2,
              c));
    }
    for (int r = 0; r < t.rows(); r++) {
      sb.append(
          String.format(
              Locale.ROOT,
              "<text class=\"axis row\" x=\"%d\" y=\"%d\">%s</text>%n",
              LABEL - 4,
              18 + r * cell + cell / 2 + 4,
              Html.escape(rowLabel(t, r))));
    }
    for (int i = 0; i < t.size(); i++) {
      appendCell(sb, t, i, cell);
    }
    return sb.append("</svg>").toString();
  }

  private static String rowLabel(TensorCells t, int r) {
    if (t.shape().length <= 1) {
      return "";
    }
    String index = t.indexText(r * t.columns());
    return index.substring(0, index.lastIndexOf(',')) + "]";
  }

  private static void appendCell(StringBuilder sb, TensorCells t, int i, int cell) {
    int x = LABEL + (i % t.columns()) * cell;
    int y = 18 + (i / t.columns()) * cell;
    double rel = t.relativeError(i);
    String cls = t.cssClass(i);
    String index = t.indexText(i);
    // plain appends, not String.format: a page has one of these per entry and case
    sb.append("<g class=\"entry\"><rect class=\"cell ")
        .append(cls)
        .append("\" data-index=\"")
        .append(index)
        .append("\" data-verdict=\"")
        .append(t.verdicts()[i].name());
    appendBox(sb, x, y, cell).append(" fill=\"").append(colour(rel)).append("\"><title>");
    sb.append(Html.escape(t.name()))
        .append(index)
        .append(": analytic ")
        .append(t.analytic()[i])
        .append(", numeric ")
        .append(t.numeric()[i])
        .append(", rel-error ")
        .append(Numbers.small(rel))
        .append(", ")
        .append(t.verdicts()[i].name())
        .append("</title></rect>");
    if (!cls.equals("ok")) {
      sb.append("<rect class=\"mark");
      appendBox(sb, x, y, cell)
          .append(" fill=\"")
          .append(cls.startsWith("mismatch") ? "url(#gp-cross)" : "url(#gp-hatch)")
          .append("\" pointer-events=\"none\"/>");
    }
    sb.append("</g>\n");
  }

  private static StringBuilder appendBox(StringBuilder sb, int x, int y, int cell) {
    return sb.append("\" x=\"")
        .append(x)
        .append("\" y=\"")
        .append(y)
        .append("\" width=\"")
        .append(cell)
        .append("\" height=\"")
        .append(cell)
        .append('"');
  }

  /** The fill for relative error {@code rel}: grey when not finite. */
  static String colour(double rel) {
    if (Double.isNaN(rel)) {
      return "#9e9e9e";
    }
    double s = rel <= 0 ? 0 : (Math.log10(rel) - LOW_DECADE) / -LOW_DECADE;
    s = Math.max(0, Math.min(1, s));
    double pos = s * (STOPS.length - 1);
    int k = Math.min(STOPS.length - 2, (int) pos);
    double f = pos - k;
    char[] hex = new char[7];
    hex[0] = '#';
    for (int ch = 0; ch < 3; ch++) {
      int v = (int) Math.round(STOPS[k][ch] + f * (STOPS[k + 1][ch] - STOPS[k][ch]));
      hex[1 + 2 * ch] = Character.forDigit(v >> 4, 16);
      hex[2 + 2 * ch] = Character.forDigit(v & 15, 16);
    }
    return new String(hex);
  }

  /** The shared patterns (hatch for kinks, cross for mismatches) and the legend, as one SVG. */
  public static String legend() {
    StringBuilder sb = new StringBuilder();
    sb.append(
        "<svg class=\"legend\" width=\"620\" height=\"64\""
            + " role=\"img\" aria-label=\"legend\">\n");
    sb.append("<defs>\n")
        .append(
            "<pattern id=\"gp-hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\""
                + " patternTransform=\"rotate(45)\"><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\""
                + " stroke=\"#1f5fbf\" stroke-width=\"2\"/></pattern>\n")
        .append(
            "<pattern id=\"gp-cross\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\">"
                + "<path d=\"M0,0 L8,8 M8,0 L0,8\" stroke=\"#fff\" stroke-opacity=\"0.85\" stroke-width=\"1.5\"/>"
                + "</pattern>\n")
        .append("</defs>\n");
    for (int d = LOW_DECADE; d <= 0; d++) {
      int x = 10 + (d - LOW_DECADE) * 24;
      sb.append(
          String.format(
              Locale.ROOT,
              "<rect x=\"%d\" y=\"6\" width=\"24\" height=\"14\" fill=\"%s\"/>",
              x,
              colour(Math.pow(10, d))));
      if (d % 4 == 0) {
        sb.append(
            String.format(
                Locale.ROOT, "<text class=\"axis\" x=\"%d\" y=\"34\">1e%d</text>", x + 12, d));
      }
    }
    sb.append("\n<text x=\"10\" y=\"56\">relative error |a - n| / max(|a|, |n|)</text>\n");
    sb.append(
        "<rect class=\"swatch mismatch\" x=\"360\" y=\"6\" width=\"18\" height=\"18\""
            + " fill=\"#cc4c02\"/><rect x=\"360\" y=\"6\" width=\"18\" height=\"18\""
            + " fill=\"url(#gp-cross)\"/><text x=\"384\" y=\"20\">mismatch (fails)</text>\n");
    sb.append(
        "<rect class=\"swatch kink\" x=\"360\" y=\"34\" width=\"18\" height=\"18\""
            + " fill=\"#ffffe5\"/><rect x=\"360\" y=\"34\" width=\"18\" height=\"18\""
            + " fill=\"url(#gp-hatch)\"/><text x=\"384\" y=\"48\">at a kink or unresolved (does"
            + " not fail)</text>\n");
    return sb.append("</svg>").toString();
  }
}
