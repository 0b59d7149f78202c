package dev.optbench.build.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optbench.harness.workload.FfmpegComponents;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnabledComponentsTest {
  @TempDir Path dir;

  @Test
  void readsEnabledComponentsAndNamesTheMissingOnes() throws Exception {
    Files.writeString(
        dir.resolve("config_components.h"),
        "#define CONFIG_BOXBLUR_FILTER 0\n#define CONFIG_SCALE_FILTER 1\n"
            + "#define CONFIG_MPEG4_ENCODER 1\n#define CONFIG_AAC_DECODER 1\n"
            + "#define CONFIG_PCM_S16LE_ENCODER 1\n");
    Map<String, List<String>> enabled = EnabledComponents.read(dir);
    assertThat(enabled.get("filter")).containsExactly("scale");
    assertThat(enabled.get("encoder")).containsExactly("mpeg4", "pcm_s16le");

    FfmpegComponents wanted =
        new FfmpegComponents(
            List.of("mpeg4"),
            List.of("aac", "eac3"),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of("scale", "boxblur"));
    assertThat(EnabledComponents.missing(wanted, enabled))
        .containsExactly("decoder eac3", "filter boxblur");
  }
}
