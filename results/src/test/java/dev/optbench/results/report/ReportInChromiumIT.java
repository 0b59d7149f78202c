package dev.optbench.results.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Loads a report rendered from fixtures in real headless Chromium: no console errors (which also
 * catches Content-Security-Policy violations, i.e. any attempt to fetch something), every chart
 * present as SVG, and a screenshot kept under target/report-it/ for a human to look at.
 */
class ReportInChromiumIT {
  private static final Path DIR = Path.of("target/report-it");
  private Chromium chromium;

  // Per test, not @BeforeAll: a class-level skip is counted by Maven as 0 tests run, 0 skipped.
  @BeforeEach
  void setUp() throws Exception {
    Files.createDirectories(DIR);
    chromium = Chromium.find(DIR);
  }

  @Test
  void reportLoadsWithoutConsoleErrorsAndShowsItsCharts() throws Exception {
    Path page = DIR.resolve("report.html");
    new HtmlReport().write(ReportFixtures.input(12, 10, 1000), page);

    Chromium.Load load = chromium.load(page);
    chromium.screenshot(page, DIR.resolve("report.png"), 1400, 2600);

    assertThat(load.console()).as("console messages").isEmpty();
    // summary + 6 variants + CPU + memory, each an inline <svg> with drawn content
    assertThat(load.dom().split("<svg", -1)).hasSize(10);
    assertThat(load.dom()).contains("<path").contains("Geometric mean ratio per variant");
    assertThat(DIR.resolve("report.png")).isNotEmptyFile();
  }

  @Test
  void consoleDetectionWorks() throws Exception {
    // Guards the check above: a page that does log an error must be caught.
    Path probe = DIR.resolve("probe.html");
    Files.writeString(
        probe, "<html><body><script>console.error('probe-error')</script></body></html>");

    assertThat(chromium.load(probe).console()).anyMatch(line -> line.contains("probe-error"));
  }
}
