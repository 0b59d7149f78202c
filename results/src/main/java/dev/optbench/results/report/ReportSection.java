package dev.optbench.results.report;

/**
 * One section of the HTML report. The report is a list of sections rendered in order (see {@link
 * HtmlReport#standardSections()}); a new kind of content is a new class that joins the list.
 */
public interface ReportSection {
  /** Appends the section's HTML (usually one {@code <section>}); may append nothing. */
  void render(StringBuilder out, ReportContext context);
}
