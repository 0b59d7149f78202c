package dev.optbench.results.format;

/** Picks the implementation for a format type, as JMH's ResultFormatFactory does. */
public final class ResultFormatFactory {
  private ResultFormatFactory() {}

  /**
   * Markdown tables of a comparison without the gate's verdict line: for reports, where "GATE
   * PASSED/FAILED" would claim a gate that was not run.
   */
  public static ResultFormat markdownTables() {
    return new MarkdownFormat(false);
  }

  public static ResultFormat create(ResultFormatType type) {
    return switch (type) {
      case TEXT -> new TextFormat();
      case MARKDOWN -> new MarkdownFormat(true);
      case CSV -> new CsvFormat();
      case JSON -> new JsonFormat();
    };
  }
}
