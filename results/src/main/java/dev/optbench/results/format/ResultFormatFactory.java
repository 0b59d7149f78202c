package dev.optbench.results.format;

/** Picks the implementation for a format type, as JMH's ResultFormatFactory does. */
public final class ResultFormatFactory {
  private ResultFormatFactory() {}

  public static ResultFormat create(ResultFormatType type) {
    return switch (type) {
      case TEXT -> new TextFormat();
      case MARKDOWN -> new MarkdownFormat();
      case CSV -> new CsvFormat();
      case JSON -> new JsonFormat();
    };
  }
}
