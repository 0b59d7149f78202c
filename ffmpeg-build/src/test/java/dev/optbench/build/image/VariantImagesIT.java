package dev.optbench.build.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optbench.build.VariantSet;
import dev.optbench.build.compile.BuildProgress;
import dev.optbench.build.compile.BuiltVariant;
import dev.optbench.build.source.DebianSource;
import dev.optbench.build.spec.Profile;
import dev.optbench.build.spec.VariantSpecs;
import dev.optbench.harness.cache.CacheDir;
import dev.optbench.harness.model.VariantRef;
import dev.optbench.harness.runtime.Execution;
import dev.optbench.harness.runtime.Sandbox;
import dev.optbench.harness.runtime.SandboxLimits;
import dev.optbench.harness.runtime.docker.DockerEngine;
import dev.optbench.harness.runtime.docker.DockerRuntime;
import dev.optbench.harness.testing.Services;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real variants (O0, O2 minimal; cached by VariantSetIT) in real images on the real engine. */
class VariantImagesIT {
  @TempDir Path work;

  private static List<BuiltVariant> variants() {
    return new VariantSet(
            CacheDir.resolve(), Runtime.getRuntime().availableProcessors(), BuildProgress.NONE)
        .build(
            List.of(
                VariantSpecs.fromCli("O0", Profile.MINIMAL),
                VariantSpecs.fromCli("O2", Profile.MINIMAL)),
            new DebianSource())
        .variants();
  }

  @Test
  void eachVariantGetsAnImageThatRunsFfmpegWithoutNetwork() throws Exception {
    String host = Services.dockerHost();
    List<BuiltVariant> built = variants();
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    try (DockerEngine engine =
        VariantImages.engineOrExplain(host, new PrintStream(log)).orElseThrow()) {
      List<VariantRef> refs =
          VariantImages.prepare(built, Optional.of(engine), new PrintStream(log));
      assertThat(refs).allMatch(r -> r.image().isPresent());
      assertThat(refs.get(0).image()).isNotEqualTo(refs.get(1).image());
      // Rebuilt only when the binary changes: a second prepare reuses the same images.
      assertThat(VariantImages.prepare(built, Optional.of(engine), new PrintStream(log)))
          .extracting(VariantRef::image)
          .isEqualTo(refs.stream().map(VariantRef::image).toList());

      for (VariantRef ref : refs) {
        Path dir = Files.createDirectories(work.resolve(ref.name()));
        try (Sandbox sandbox =
            new DockerRuntime(engine)
                .open(
                    ref, new SandboxLimits("0", 512L << 20, dir, Map.of("run_id", "images-it")))) {
          Execution version =
              sandbox.run(List.of("ffmpeg", "-hide_banner", "-version"), Duration.ofMinutes(1));
          assertThat(version.usage().exitCode()).isZero();
          assertThat(version.stdoutTail()).contains("ffmpeg version 5.1");
          // No network: the only interface is lo (ffmpeg was built --disable-network anyway).
          Execution net =
              sandbox.run(
                  List.of("ffmpeg", "-hide_banner", "-i", "/sys/class/net/eth0/address"),
                  Duration.ofMinutes(1));
          assertThat(net.usage().exitCode()).isNotZero();
          assertThat(net.stderrTail()).contains("No such file or directory");
          // ...while lo is there, so the check above is not vacuous (sysfs is mounted).
          Execution lo =
              sandbox.run(
                  List.of("ffmpeg", "-hide_banner", "-i", "/sys/class/net/lo/address"),
                  Duration.ofMinutes(1));
          assertThat(lo.stderrTail()).doesNotContain("No such file or directory");
        }
      }
    }
  }

  @Test
  void withoutAnEngineImagesAreSkippedWithAClearMessage() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Optional<DockerEngine> none =
        VariantImages.engineOrExplain(
            "unix:///nonexistent/docker.sock", new PrintStream(out, true, StandardCharsets.UTF_8));
    assertThat(none).isEmpty();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("images: skipped")
        .contains("No Docker engine answers at unix:///nonexistent/docker.sock")
        .contains("cgroup or process runtime");
  }
}
