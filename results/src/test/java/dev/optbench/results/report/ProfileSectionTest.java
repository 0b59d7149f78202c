package dev.optbench.results.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optbench.results.Golden;
import dev.optbench.results.profile.DiffFlameGraph;
import dev.optbench.results.profile.RunProfiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProfileSectionTest {
  static final Path RUN = Path.of("src/test/resources/profiles/run");

  static String section() throws Exception {
    StringBuilder out = new StringBuilder();
    ProfileSection.render(out, RunProfiles.read(RUN), List.of("O2", "O0"), "O2");
    return out.toString();
  }

  @Test
  void matchesGoldenUnderEveryLocale() throws Exception {
    Golden.assertMatches("report/profile-section.html", ProfileSectionTest::section);
  }

  @Test
  void functionNamesAreEscapedEverywhere() throws Exception {
    String html = section();

    assertThat(html)
        .contains("<code>ff_fdct&lt;8&gt;</code>", "<code>operator&lt;&lt;&amp;(a, b)</code>")
        .contains("<text x=")
        .doesNotContain("fdct<8>", "operator<<");
  }

  @Test
  void linksAreRelativeToTheRunFolder() throws Exception {
    assertThat(section())
        .contains("<a href=\"profiles/O0/u0-transcode.callgrind.out\">")
        .contains("<a href=\"profiles/O2/u0-transcode.functions.tsv\">")
        .doesNotContain("u0-transcode.2x")
        .doesNotContainPattern("href=\"(/|[a-z]+:)");
    assertThat(Html.href("profiles/O 2/a#b?.tsv")).isEqualTo("profiles/O%202/a%23b%3F.tsv");
  }

  @Test
  void saysWhenTheBaselineHasNoProfileOfACommand() throws Exception {
    assertThat(section()).contains("O0 vs O2 · u1-audio: 500 instructions; O2 has no profile");
  }

  @Test
  void nothingWithoutProfiles() {
    StringBuilder out = new StringBuilder();
    ProfileSection.render(out, RunProfiles.NONE, List.of("O2", "O0"), "O2");
    assertThat(out).isEmpty();
  }

  @Test
  void redForMoreBlueForFewerGreyForAboutTheSame() {
    assertThat(FlameSvg.fill(0)).isEqualTo(FlameSvg.fill(0.01)).isEqualTo("#d4d4d4");
    int[] more = rgb(FlameSvg.fill(0.6));
    int[] fewer = rgb(FlameSvg.fill(-0.6));
    assertThat(more[0]).isGreaterThan(more[2]);
    assertThat(fewer[2]).isGreaterThan(fewer[0]);
    // A larger change is a stronger colour.
    assertThat(rgb(FlameSvg.fill(1.0))[1]).isLessThan(rgb(FlameSvg.fill(0.3))[1]);
  }

  @Test
  void aFrameWithLittleCostOfItsOwnIsGreyHoweverMuchThatChanged() {
    DiffFlameGraph g =
        DiffFlameGraph.of(
            Map.of("main", 1L, "main;work", 100_000L), Map.of("main", 5L, "main;work", 200_000L));
    DiffFlameGraph.Frame main = g.frames().get(1);
    DiffFlameGraph.Frame work = g.frames().get(2);

    assertThat(main.change()).isEqualTo(0.8);
    assertThat(FlameSvg.fill(main, g.total())).isEqualTo("#d4d4d4");
    assertThat(FlameSvg.fill(work, g.total())).isEqualTo(FlameSvg.fill(0.5));
  }

  @Test
  void everyFrameHasATooltipWithItsNumbers() {
    DiffFlameGraph g =
        DiffFlameGraph.of(Map.of("main;f<T>", 100L), Map.of("main;f<T>", 150L, "main", 50L));
    StringBuilder out = new StringBuilder();
    FlameSvg.render(out, g, "O0", "O2");
    String svg = out.toString();

    assertThat(svg.split("<rect", -1)).hasSize(1 + g.frames().size());
    assertThat(svg.split("<title>", -1)).hasSize(1 + g.frames().size());
    assertThat(svg)
        .contains(
            "<title>f&lt;T&gt;\nO0: 150 instructions (75.0 % of the run), self 150\nO2: 100"
                + " instructions, self 100\nchange: inclusive +50.0 %, self +50.0 %</title>")
        .contains("viewBox=\"0 0 1200 51\"");
  }

  private static int[] rgb(String hex) {
    int v = Integer.parseInt(hex.substring(1), 16);
    return new int[] {v >> 16, (v >> 8) & 0xff, v & 0xff};
  }
}
