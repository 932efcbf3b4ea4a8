package io.github.gradprop.internal.html;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * What the index says about one page, written into the page itself as an HTML comment (values
 * escaped, so the comment cannot end early), so that the index can be rebuilt from the pages alone.
 *
 * @param property the property, {@code class#method}
 * @param outcome {@code failed} or {@code passed}
 * @param model the model's name
 * @param headline the report's first line
 * @param file the page's file name (filled in when read back)
 * @param written when the page was written (ISO-8601)
 */
@API(status = INTERNAL, since = "0.1")
public record PageSummary(
    String property, String outcome, String model, String headline, String file, String written) {

  static final String MARK = "<!-- gradprop-summary ";
  private static final Pattern FIELD = Pattern.compile("([a-z]+)=\"([^\"]*)\"");

  /** The comment line. */
  public String comment() {
    return MARK
        + field("property", property)
        + field("outcome", outcome)
        + field("model", model)
        + field("headline", headline)
        + field("written", written)
        + "-->";
  }

  private static String field(String key, String value) {
    return key + "=\"" + Html.escape(value) + "\" ";
  }

  /** The summary in {@code line}, with {@code file} as its file, or null when there is none. */
  public static PageSummary parse(String line, String file) {
    int at = line.indexOf(MARK);
    if (at < 0) {
      return null;
    }
    Map<String, String> f = new LinkedHashMap<>();
    Matcher m = FIELD.matcher(line.substring(at + MARK.length()));
    while (m.find()) {
      f.put(m.group(1), Html.unescape(m.group(2)));
    }
    if (!f.containsKey("property") || !f.containsKey("outcome")) {
      return null;
    }
    return new PageSummary(
        f.get("property"),
        f.get("outcome"),
        f.getOrDefault("model", ""),
        f.getOrDefault("headline", ""),
        file,
        f.getOrDefault("written", ""));
  }
}
