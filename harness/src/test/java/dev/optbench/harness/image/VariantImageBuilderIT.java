package dev.optbench.harness.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.command.InspectImageResponse;
import dev.optbench.harness.runtime.docker.DockerEngine;
import dev.optbench.harness.runtime.docker.DockerTestSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VariantImageBuilderIT {
  @TempDir Path dir;
  private DockerEngine engine;
  private final List<String> images = new ArrayList<>();

  @BeforeEach
  void connect() {
    engine = DockerTestSupport.engine();
  }

  @AfterEach
  void removeImages() {
    if (engine == null) {
      return; // set-up skipped the test: no engine, no images
    }
    for (String id : images) {
      engine.client().removeImageCmd(id).withForce(true).exec();
    }
    engine.close();
  }

  @Test
  void buildsOnceReusesThenRebuildsWhenTheBinaryChanges() throws Exception {
    // A variant name no other run uses, so the first build is a real one.
    String variant = "it-Image_" + UUID.randomUUID().toString().substring(0, 8);
    Path program = dir.resolve("ffmpeg");
    Files.copy(DockerTestSupport.probe(), program);
    VariantImageBuilder builder = new VariantImageBuilder(engine.client());
    ImageRequest request =
        new ImageRequest(variant, "sha256-m1", "ffmpeg", program, DockerTestSupport.execHelper());

    String first = builder.ensureImage(request);
    images.add(first);
    assertThat(first).startsWith("sha256:");
    InspectImageResponse image = engine.client().inspectImageCmd(first).exec();
    assertThat(image.getConfig().getLabels())
        .containsEntry(ImageLabels.VARIANT, variant)
        .containsEntry(ImageLabels.MANIFEST_DIGEST, "sha256-m1")
        .containsEntry(ImageLabels.BINARY_SHA256, ImageContext.of(request).programSha256());
    assertThat(image.getConfig().getEntrypoint()).containsExactly("/bin/optbench-exec", "--idle");
    assertThat(image.getConfig().getWorkingDir()).isEqualTo("/work");
    assertThat(image.getConfig().getEnv()).contains("PATH=/bin");
    assertThat(image.getRepoTags())
        .singleElement()
        .asString()
        .startsWith(request.repository() + ":");
    assertThat(request.repository()).isEqualTo("optbench/" + variant.toLowerCase(Locale.ROOT));

    long start = System.nanoTime();
    String again = builder.ensureImage(request);
    long reuseMillis = (System.nanoTime() - start) / 1_000_000;
    assertThat(again).isEqualTo(first);
    assertThat(reuseMillis).as("reuse is a label lookup, not a build").isLessThan(2_000);

    // Any change of the binary's bytes is a new image.
    Files.write(program, new byte[] {0}, StandardOpenOption.APPEND);
    String changed = builder.ensureImage(request);
    images.add(changed);
    assertThat(changed).isNotEqualTo(first);
    assertThat(engine.client().inspectImageCmd(changed).exec().getConfig().getLabels())
        .containsEntry(ImageLabels.BINARY_SHA256, ImageContext.of(request).programSha256());
  }
}
