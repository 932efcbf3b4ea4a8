package io.github.gradprop.internal.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/** Key-value lines with keys padded so the colons align, in the style of Truth's facts. */
@API(status = INTERNAL, since = "0.1")
public final class Facts {

  private final List<String[]> rows = new ArrayList<>();

  public Facts add(String key, String value) {
    rows.add(new String[] {key, value});
    return this;
  }

  public String render() {
    int width = 0;
    for (String[] r : rows) {
      width = Math.max(width, r[0].length());
    }
    StringBuilder sb = new StringBuilder();
    for (String[] r : rows) {
      sb.append(String.format("%-" + width + "s : %s%n", r[0], r[1]));
    }
    return sb.toString();
  }
}
