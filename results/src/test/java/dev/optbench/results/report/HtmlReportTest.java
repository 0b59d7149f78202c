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
    // 1 summary + 6 per-variant ratio charts + CPU + memory
    assertThat(count(html, "<svg")).isEqualTo(9);
    assertThat(html).doesNotContainPattern("(src|href)=\"https?:");
    assertThat(html).doesNotContain("<script");
    assertThat(html)
        .contains(
            "Variants against O2", "Per command", "Resources over time", "Build provenance", "Host")
        .contains("2 logical cores only")
        .contains("gcc 12.2.0")
        .contains("TOO_FEW_SAMPLES");
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
    assertThat(html).doesNotContain("Warnings");
  }

  private static int count(String haystack, String needle) {
    int n = 0;
    for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }
}
