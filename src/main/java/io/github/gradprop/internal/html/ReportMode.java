package io.github.gradprop.internal.html;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Locale;
import org.apiguardian.api.API;

/** Which properties get an HTML page: configuration parameter {@code gradprop.reports}. */
@API(status = INTERNAL, since = "0.1")
public enum ReportMode {
  /** Failing properties only (the default). */
  FAILURES,
  /** Every property, passing ones too. */
  ALL,
  /** None; nothing is written. */
  OFF;

  /** The mode named {@code text} (any case), or null when there is none. */
  public static ReportMode parse(String text) {
    for (ReportMode m : values()) {
      if (m.name().equalsIgnoreCase(text.trim())) {
        return m;
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
