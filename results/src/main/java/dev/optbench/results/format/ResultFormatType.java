package dev.optbench.results.format;

import java.util.Locale;

/** The formats a comparison can be written in. */
public enum ResultFormatType {
  /** Aligned plain-text table for terminals and logs. */
  TEXT,
  /** Markdown summary, e.g. for a CI job summary or a pull-request comment. */
  MARKDOWN,
  /** One row per benchmark and metric, for spreadsheets. */
  CSV,
  /** The full comparison, for scripts and dashboards. */
  JSON;

  public static ResultFormatType parse(String name) {
    return valueOf(name.trim().toUpperCase(Locale.ROOT));
  }
}
