package dev.optbench.harness.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageContextTest {
  @TempDir Path dir;

  private ImageRequest request(String variant, byte[] program) throws Exception {
    Path p = Files.write(dir.resolve("prog"), program);
    Path helper = Files.write(dir.resolve("helper"), new byte[] {7, 7});
    return new ImageRequest(variant, "sha256-m", "ffmpeg", p, helper);
  }

  @Test
  void tarHoldsAFromScratchDockerfileAndExecutableBinaries() throws Exception {
    ImageContext context = ImageContext.of(request("O2", new byte[] {1, 2, 3}));
    Map<String, TarArchiveEntry> entries = new LinkedHashMap<>();
    Map<String, byte[]> contents = new LinkedHashMap<>();
    try (var tar = new TarArchiveInputStream(new ByteArrayInputStream(context.tar()))) {
      for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
        entries.put(e.getName(), e);
        contents.put(e.getName(), tar.readAllBytes());
      }
    }
    assertThat(entries).containsOnlyKeys("Dockerfile", "ffmpeg", "optbench-exec");
    assertThat(entries.get("ffmpeg").getMode() & 0777).isEqualTo(0755);
    assertThat(entries.get("optbench-exec").getMode() & 0777).isEqualTo(0755);
    assertThat(contents.get("ffmpeg")).containsExactly(1, 2, 3);
    assertThat(new String(contents.get("Dockerfile"), "UTF-8"))
        .startsWith("FROM scratch\n")
        .contains("COPY ffmpeg optbench-exec /bin/\n")
        .contains("ENV PATH=/bin\n")
        .contains("WORKDIR /work\n")
        .contains("ENTRYPOINT [\"/bin/optbench-exec\",\"--idle\"]");
    assertThat(context.tar()).as("deterministic bytes").isEqualTo(context.tar());
  }

  @Test
  void digestsFollowTheBytes() throws Exception {
    ImageContext a = ImageContext.of(request("O2", new byte[] {1, 2, 3}));
    ImageContext same = ImageContext.of(request("O3", new byte[] {1, 2, 3}));
    ImageContext other = ImageContext.of(request("O2", new byte[] {1, 2, 4}));
    assertThat(a.programSha256())
        .isEqualTo("039058c6f2c0cb492c533b0a4d14ef77cc0f78abccced5287d84a1a2011cfb81");
    assertThat(same.contextSha256()).isEqualTo(a.contextSha256());
    assertThat(other.contextSha256()).isNotEqualTo(a.contextSha256());
    assertThat(other.programSha256()).isNotEqualTo(a.programSha256());
  }

  @Test
  void labelsMatchOnlyWhenEveryWantedLabelAgrees() throws Exception {
    ImageRequest r = request("O2", new byte[] {1});
    Map<String, String> wanted = ImageLabels.of(r, ImageContext.of(r));
    Map<String, String> onImage = new LinkedHashMap<>(wanted);
    onImage.put("org.example.other", "x");
    assertThat(ImageLabels.matches(onImage, wanted)).isTrue();
    onImage.put(ImageLabels.MANIFEST_DIGEST, "sha256-other");
    assertThat(ImageLabels.matches(onImage, wanted)).isFalse();
    assertThat(ImageLabels.matches(null, wanted)).isFalse();
  }

  @Test
  void repositoryNamesAreValidDockerNames() throws Exception {
    assertThat(request("O2", new byte[] {1}).repository()).isEqualTo("optbench/o2");
    assertThat(request("-O3 native+lto", new byte[] {1}).repository())
        .isEqualTo("optbench/o3-native-lto");
    assertThatThrownBy(
            () -> new ImageRequest("O2", "d", "../ffmpeg", dir.resolve("x"), dir.resolve("y")))
        .hasMessageContaining("plain file name");
  }
}
