package dev.optbench.harness.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OptionSpaceTest {
  private final FfmpegComponents components = FfmpegComponents.standard();
  private final OptionSpace space =
      new OptionSpace(TestCapabilities.minimal(), SpaceConfig.defaults());

  @Test
  void everyRandomGenomeRendersASafeCommandFromTheComponentList() {
    SplittableRandom random = new SplittableRandom(7);
    Set<Template> seen = EnumSet.noneOf(Template.class);
    for (int i = 0; i < 2000; i++) {
      Command c = space.render(Genome.random(random));
      seen.add(c.template());
      for (List<String> argv : c.steps()) {
        assertThat(argv.get(0)).isEqualTo("ffmpeg");
        for (int a = 1; a < argv.size() - 1; a++) {
          String value = argv.get(a + 1);
          switch (argv.get(a)) {
            case "-c:v", "-c:a" -> assertThat(components.encoders()).contains(value);
            case "-f" -> assertThat(value).isIn(union(components.muxers(), List.of("lavfi")));
            case "-vf", "-af", "-filter_complex" -> assertFiltersListed(value);
            default -> {}
          }
        }
      }
      c.outputs().forEach(o -> assertThat(o).doesNotStartWith("/").doesNotContain(".."));
      assertThat(c.descriptor()).hasSize(Template.values().length + Param.values().length);
    }
    assertThat(seen).containsExactlyInAnyOrder(Template.values());
  }

  @Test
  void theSameGenomeGivesTheSameCommand() {
    Genome g = Genome.random(new SplittableRandom(3));
    assertThat(space.render(g).steps()).isEqualTo(space.render(new Genome(g.genes())).steps());
  }

  @Test
  void twoPassWritesItsPasslogInTheWorkDir() {
    OptionSpace twoPass =
        new OptionSpace(
            TestCapabilities.minimal(),
            SpaceConfig.defaults().withTemplates(List.of(Template.TWO_PASS)));
    Command c = twoPass.render(Genome.random(new SplittableRandom(1)));
    assertThat(c.before()).hasSize(1);
    assertThat(c.before().get(0)).containsSubsequence("-pass", "1").contains("passlog");
    assertThat(c.argv()).containsSubsequence("-pass", "2");
  }

  @Test
  void emptyOrImpossibleSpacesAreRejectedWithTheReason() {
    assertThatThrownBy(() -> SpaceConfig.defaults().withTemplates(List.of()))
        .hasMessageContaining("no templates");
    assertThatThrownBy(() -> SpaceConfig.defaults().withSeconds(3, 2))
        .hasMessageContaining("impossible durations");
    FfmpegCapabilities noVideoEncoders = withoutVideoEncoders(TestCapabilities.minimal());
    assertThatThrownBy(() -> new OptionSpace(noVideoEncoders, SpaceConfig.defaults()))
        .hasMessageContaining("impossible with the reference binary")
        .hasMessageContaining("video encoder");
    assertThatThrownBy(() -> new Domain.IntRange(5, 1, false)).hasMessageContaining("impossible");
    assertThatThrownBy(() -> FrameSize.parse("321x240")).hasMessageContaining("even");
  }

  private static FfmpegCapabilities withoutVideoEncoders(FfmpegCapabilities c) {
    var audioOnly = new java.util.LinkedHashMap<>(c.encoders());
    audioOnly.values().removeIf(EncoderInfo::video);
    return new FfmpegCapabilities(
        c.version(), audioOnly, c.decoders(), c.filters(), c.muxers(), c.pixelFormats());
  }

  private void assertFiltersListed(String graph) {
    for (String part : graph.split("[,;]")) {
      String name = part.replaceAll("\\[[^]]*]", "").split("=")[0].strip();
      if (!name.isEmpty()) {
        assertThat(components.filters()).as("filter in %s", graph).contains(name);
      }
    }
  }

  private static List<String> union(List<String> a, List<String> b) {
    var all = new java.util.ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
