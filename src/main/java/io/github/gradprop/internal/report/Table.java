package io.github.gradprop.internal.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/** A plain-text table with left-aligned columns separated by two spaces. */
@API(status = INTERNAL, since = "0.1")
public final class Table {

  private final String[] header;
  private final List<String[]> rows = new ArrayList<>();

  public Table(String... header) {
    this.header = header;
  }

  public Table row(String... cells) {
    if (cells.length != header.length) {
      throw new IllegalArgumentException("expected " + header.length + " cells");
    }
    rows.add(cells);
    return this;
  }

  public String render() {
    int[] width = new int[header.length];
    for (int c = 0; c < header.length; c++) {
      width[c] = header[c].length();
      for (String[] r : rows) {
        width[c] = Math.max(width[c], r[c].length());
      }
    }
    StringBuilder sb = new StringBuilder();
    line(sb, header, width);
    for (String[] r : rows) {
      line(sb, r, width);
    }
    return sb.toString();
  }

  private static void line(StringBuilder sb, String[] cells, int[] width) {
    StringBuilder line = new StringBuilder();
    for (int c = 0; c < cells.length; c++) {
      line.append(cells[c]);
      if (c < cells.length - 1) {
        line.append(" ".repeat(width[c] - cells[c].length() + 2));
      }
    }
    sb.append(line.toString().stripTrailing()).append(String.format("%n"));
  }
}
