package io.github.gradprop.internal.html;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/** Escaping for text and attribute values, so no value of a report can change the markup. */
@API(status = INTERNAL, since = "0.1")
public final class Html {

  private Html() {}

  /** {@code text} with {@code & < > " '} replaced by entities; safe in text and in attributes. */
  public static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  /** The inverse of {@link #escape} for the entities it writes. */
  public static String unescape(String html) {
    return html.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
  }
}
