package dev.optbench.harness.workload;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FfmpegCapabilitiesIT {
  @Test
  void probesTheReferenceBinaryWithinTheComponentList() {
    FfmpegComponents components = FfmpegComponents.standard();
    FfmpegCapabilities caps = FfmpegCapabilities.probe(ReferenceFfmpeg.locate(), components);

    assertThat(caps.version()).startsWith("ffmpeg version");
    assertThat(components.encoders()).containsAll(caps.encoders().keySet());
    assertThat(components.filters()).containsAll(caps.filters());
    assertThat(components.muxers()).containsAll(caps.muxers());
    assertThat(caps.encoders()).containsKeys("mpeg4", "aac");
    assertThat(caps.encoders().get("mpeg4").pixelFormats()).containsExactly("yuv420p");
    assertThat(caps.encoders().get("mpeg4").video()).isTrue();
    assertThat(caps.encoders().get("aac").video()).isFalse();
    assertThat(caps.filters()).contains("testsrc2", "split", "sine");
    assertThat(caps.pixelFormats()).contains("yuv420p", "yuvj420p");

    OptionSpace space = new OptionSpace(caps, SpaceConfig.defaults());
    assertThat(space.templates()).containsExactly(Template.values());
  }
}
