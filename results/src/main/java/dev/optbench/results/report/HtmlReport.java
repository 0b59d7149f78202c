package dev.optbench.results.report;

import dev.optbench.results.format.Numbers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders a {@link ReportInput} as one self-contained HTML file: inline CSS, charts as inline SVG,
 * interactive time series drawn by an inlined uPlot (no external resources, so it opens anywhere,
 * offline, years later; without scripts the SVG charts remain). The content is a list of {@link
 * ReportSection}s: the verdict first, then commands, time series, instruction profiles, provenance
 * and host.
 */
public final class HtmlReport {
  private static final String CSS = resource("report.css");
  private final List<ReportSection> sections;

  public HtmlReport() {
    this(standardSections());
  }

  public HtmlReport(List<ReportSection> sections) {
    this.sections = List.copyOf(sections);
  }

  /** The sections in reading order; a new section is inserted where it belongs in a copy. */
  public static List<ReportSection> standardSections() {
    return new ArrayList<>(
        List.of(
            new HeadlineSection(),
            new WarningsSection(),
            new HeatmapSection(),
            new ResourcesSection(),
            new ProfileSection(),
            new ProvenanceSection(),
            new HostSection()));
  }

  public void write(ReportInput input, Path file) throws IOException {
    Files.writeString(file, render(input), StandardCharsets.UTF_8);
  }

  public String render(ReportInput input) {
    ReportContext context = ReportContext.of(input);
    StringBuilder out = new StringBuilder(1 << 20);
    out.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        // Belt and braces: even a stray URL in a manifest cannot make the page fetch anything.
        // Inline scripts only: the inlined chart library and the data it draws.
        .append(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"
                + " script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:\">")
        .append("<title>")
        .append(Html.esc(input.title()))
        .append("</title><style>")
        .append(CSS)
        .append("</style></head><body>");
    var o = input.options();
    out.append("<header><h1>")
        .append(Html.esc(input.title()))
        .append("</h1><p>")
        .append(input.variants().size())
        .append(" variants against ")
        .append(Html.esc(input.baselineVariant()))
        .append(" · ratio of ")
        .append(o.statistic().name().toLowerCase(Locale.ROOT))
        .append("s, ")
        .append(Numbers.percent(o.confidence()))
        .append(" bootstrap intervals (")
        .append(o.resamples())
        .append(" resamples, seed ")
        .append(o.seed())
        .append("), Mann–Whitney α ")
        .append(Numbers.fixed(o.alpha(), 3))
        .append(", threshold ")
        .append(Numbers.percent(o.maxRegression()))
        .append(" · generated ")
        .append(Html.esc(input.generatedAt()))
        .append("</p></header><main>");
    for (ReportSection section : sections) {
      section.render(out, context);
    }
    out.append("</main></body></html>\n");
    return out.toString();
  }

  static String resource(String name) {
    try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
