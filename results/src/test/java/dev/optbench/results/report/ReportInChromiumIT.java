package dev.optbench.results.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optbench.results.profile.RunProfiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Loads a report rendered from fixtures in real headless Chromium at 1280×800: no console messages
 * (which also catches Content-Security-Policy violations, i.e. any attempt to fetch something, and
 * script errors), no horizontal scroll, the headline and the ranked chart above the fold, every
 * chart present (uPlot's canvases drawn), the instruction profiles' flame graphs drawn, and a
 * screenshot kept under target/report-it/ for a human to look at.
 */
class ReportInChromiumIT {
  private static final Path DIR = Path.of("target/report-it");
  private static final int WIDTH = 1280;
  private static final int HEIGHT = 800;
  private Chromium chromium;

  // Per test, not @BeforeAll: a class-level skip is counted by Maven as 0 tests run, 0 skipped.
  @BeforeEach
  void setUp() throws Exception {
    Files.createDirectories(DIR);
    chromium = Chromium.find(DIR);
  }

  @Test
  void reportLoadsCleanFitsTheWidthAndShowsTheVerdictFirst() throws Exception {
    int commands = 12;
    Path page = DIR.resolve("report.html");
    new HtmlReport().write(ReportFixtures.input(commands, 10, 1000), page);

    Chromium.Load load = chromium.load(page);
    Chromium.Load measured =
        chromium.load(Probe.attach(page, DIR.resolve("probe.html")), WIDTH, HEIGHT);
    chromium.screenshot(page, DIR.resolve("report.png"), WIDTH, HEIGHT);
    chromium.screenshot(page, DIR.resolve("report-full.png"), WIDTH, 4000);

    assertThat(load.console()).as("console messages").isEmpty();
    assertThat(measured.console()).as("console messages").isEmpty();
    Probe probe = Probe.read(measured.dom());
    assertThat(probe.scrollWidth()).as("page width").isLessThanOrEqualTo(probe.viewport());
    assertThat(probe.viewport()).isEqualTo(WIDTH);
    assertThat(probe.headlineBottom())
        .as("headline bottom")
        .isPositive()
        .isLessThanOrEqualTo(HEIGHT);
    assertThat(probe.rankedBottom())
        .as("ranked chart bottom")
        .isPositive()
        .isLessThanOrEqualTo(HEIGHT);
    // uPlot drew every time series (a canvas each) and removed their static stand-ins.
    assertThat(probe.canvases()).isEqualTo(2 * commands);
    assertThat(count(load.dom(), "class=\"uplot")).isEqualTo(2 * commands);
    assertThat(count(load.dom(), "<svg")).as("ranked chart, no fallback left").isEqualTo(1);
    assertThat(load.dom()).contains("charts-drawn", "class=\"heat\"");
    assertThat(DIR.resolve("report.png")).isNotEmptyFile();
  }

  @Test
  void profileSectionLoadsCleanFitsTheWidthAndDrawsItsFlameGraphs() throws Exception {
    Path run = DIR.resolve("profiled-run");
    ProfileFixtures.write(run, List.of("O2", "O0", "O3"), List.of("cmd00", "cmd01"));
    Path page = run.resolve("report.html");
    new HtmlReport()
        .write(ReportFixtures.input(2, 10, 500).withProfiles(RunProfiles.read(run)), page);

    Chromium.Load load = chromium.load(page);
    Chromium.Load measured =
        chromium.load(Probe.attach(page, run.resolve("probe.html")), WIDTH, HEIGHT);
    chromium.screenshot(page, DIR.resolve("report-profiles.png"), WIDTH, 6000);

    assertThat(load.console()).as("console messages").isEmpty();
    assertThat(measured.console()).as("console messages").isEmpty();
    Probe probe = Probe.read(measured.dom());
    assertThat(probe.scrollWidth()).as("page width").isLessThanOrEqualTo(probe.viewport());
    assertThat(probe.flames()).as("flame graphs: O0 and O3, two commands each").isEqualTo(4);
    assertThat(probe.flameRects()).as("frames drawn").isGreaterThan(4 * 20);
    assertThat(load.dom()).contains("Where the instructions went", "ff_h264_idct_add&lt;");
  }

  @Test
  void withoutScriptsTheStaticChartsRemain() throws Exception {
    Path page = DIR.resolve("report-noscript.html");
    new HtmlReport().write(ReportFixtures.input(3, 10, 500), page);

    // Chromium's --dump-dom needs scripts on, so the scripts are taken out of a copy instead.
    Path stripped = DIR.resolve("report-stripped.html");
    Files.writeString(stripped, Files.readString(page).replaceAll("(?s)<script>.*?</script>", ""));
    Chromium.Load load = chromium.load(stripped);

    assertThat(count(load.dom(), "<svg")).isEqualTo(1 + 2 * 3);
    assertThat(load.dom()).doesNotContain("class=\"uplot");
  }

  @Test
  void consoleDetectionWorks() throws Exception {
    // Guards the check above: a page that does log an error must be caught.
    Path probe = DIR.resolve("console-probe.html");
    Files.writeString(
        probe, "<html><body><script>console.error('probe-error')</script></body></html>");

    assertThat(chromium.load(probe).console()).anyMatch(line -> line.contains("probe-error"));
  }

  /** Layout facts measured inside the page by a script added to a copy of the report. */
  record Probe(
      int viewport,
      int scrollWidth,
      int headlineBottom,
      int rankedBottom,
      int canvases,
      int flames,
      int flameRects) {
    static Path attach(Path page, Path copy) throws java.io.IOException {
      String html = Files.readString(page);
      String script =
          "<script>window.addEventListener('load',function(){var d=document.documentElement;"
              + "function b(s){var e=document.querySelector(s);return e?Math.ceil(e.getBoundingClientRect().bottom):-1}"
              + "var p=document.createElement('pre');p.id='probe';p.textContent='probe '+window.innerWidth+' '+d.scrollWidth+' '"
              + "+b('ul.headline')+' '+b('figure.ranked')+' '+document.querySelectorAll('canvas').length"
              + "+' '+document.querySelectorAll('svg.flame').length+' '+document.querySelectorAll('svg.flame rect').length;"
              + "document.body.appendChild(p)})</script>";
      Files.writeString(copy, html.replace("</body>", script + "</body>"));
      return copy;
    }

    static Probe read(String dom) {
      Matcher m =
          Pattern.compile("probe (\\d+) (\\d+) (-?\\d+) (-?\\d+) (\\d+) (\\d+) (\\d+)")
              .matcher(dom);
      assertThat(m.find()).as("probe output in the DOM").isTrue();
      return new Probe(
          Integer.parseInt(m.group(1)),
          Integer.parseInt(m.group(2)),
          Integer.parseInt(m.group(3)),
          Integer.parseInt(m.group(4)),
          Integer.parseInt(m.group(5)),
          Integer.parseInt(m.group(6)),
          Integer.parseInt(m.group(7)));
    }
  }

  private static int count(String haystack, String needle) {
    return haystack.split(Pattern.quote(needle), -1).length - 1;
  }
}
