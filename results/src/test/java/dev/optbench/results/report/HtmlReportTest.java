package dev.optbench.results.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportTest {
  private static final ReportInput INPUT = ReportFixtures.input(8, 10, 500);

  @Test
  void selfContainedWithChartsAndEverySection() {
    String html = new HtmlReport().render(INPUT);

    assertThat(html).startsWith("<!DOCTYPE html>");
    // the ranked chart + a static CPU and memory chart per command (the fallback of uPlot's)
    assertThat(count(html, "<svg")).isEqualTo(1 + 2 * 8);
    assertThat(count(html, "class=\"ts\"")).isEqualTo(2 * 8);
    assertThat(html).doesNotContainPattern("(src|href)=\"https?:");
    assertThat(html).contains("uPlot", "id=\"series-data\"");
    assertThat(html)
        .contains(
            "Verdict: wall time against O2",
            "Per command: wall time / O2",
            "Resources over time, per command",
            "Build provenance: what differs from O2",
            "Host")
        .contains("2 logical cores only")
        .contains("+-Ofast", "−-O2", "full build manifest")
        .contains("too few samples");
  }

  @Test
  void headlineNamesTheMetricAndTheVariantWhoseOutputDiffers() {
    String html = new HtmlReport().render(INPUT);

    assertThat(html)
        .containsPattern(
            "<li>O0: 2\\.\\d\\d× the wall time of O2 \\(95 % CI [\\d.]+–[\\d.]+×\\),"
                + " slower on \\d of 8 commands, same output</li>")
        .contains("<li class=\"differs\">Ofast: ")
        .contains("OUTPUT DIFFERS from O2 on filter-video, encode-aac");
    // The headline and the ranked chart come before everything else.
    assertThat(html.indexOf("id=\"ranked\"")).isLessThan(html.indexOf("Warnings"));
  }

  @Test
  void noNanAndZeroOnlyMetricsFoldedAway() {
    String html = new HtmlReport().render(INPUT);
    String text = html.substring(0, html.indexOf("<script"));

    assertThat(text).doesNotContain("NaN").doesNotContain("Infinity").doesNotContain("GATE");
    assertThat(text).contains("0 in every variant and command, so not listed: failed, io.write");
  }

  @Test
  void svgIdsAreUniqueAcrossCharts() {
    String html = new HtmlReport().render(INPUT);
    Matcher m = Pattern.compile(" id=[\"']([^\"']+)[\"']").matcher(html);
    java.util.Set<String> ids = new java.util.HashSet<>();
    while (m.find()) {
      assertThat(ids.add(m.group(1))).as("duplicate id %s", m.group(1)).isTrue();
    }
    assertThat(ids).isNotEmpty();
  }

  @Test
  void profilesGetTheirSectionAfterTheTimeSeriesAndNothingElseChanges() throws Exception {
    ReportInput profiled =
        INPUT.withProfiles(dev.optbench.results.profile.RunProfiles.read(ProfileSectionTest.RUN));
    String html = new HtmlReport().render(profiled);

    assertThat(html).contains("<h2>Where the instructions went</h2>");
    assertThat(html.indexOf("Where the instructions went"))
        .isGreaterThan(html.indexOf("Resources over time, per command"))
        .isLessThan(html.indexOf("Build provenance"));
    assertThat(count(html, "<svg class=\"flame\"")).isEqualTo(1);
    assertThat(html).doesNotContainPattern("(src|href)=\"https?:");
    assertThat(new HtmlReport().render(INPUT)).doesNotContain("Where the instructions went");
  }

  @Test
  void sameBytesUnderEveryLocale() {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.US);
      String us = new HtmlReport().render(INPUT);
      Locale.setDefault(Locale.GERMANY);
      String de = new HtmlReport().render(INPUT);
      assertThat(de).isEqualTo(us);
    } finally {
      Locale.setDefault(saved);
    }
  }

  @Test
  void saysSoWhenThereAreNoSamplesOrManifests() {
    ReportInput bare =
        new ReportInput(
            "t",
            "O2",
            INPUT.variants(),
            java.util.List.of(),
            java.util.List.of(),
            java.util.Map.of(),
            java.util.List.of(),
            INPUT.options(),
            "now");

    String html = new HtmlReport().render(bare);

    assertThat(html).contains("No resource samples", "No build manifests", "No host information");
    assertThat(html).doesNotContain("Warnings").doesNotContain("<script");
  }

  private static int count(String haystack, String needle) {
    int n = 0;
    for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }
}
