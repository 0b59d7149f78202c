package dev.optbench.build.compile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optbench.build.manifest.CompilerInfo;
import dev.optbench.build.spec.Profile;
import dev.optbench.build.spec.VariantSpec;
import dev.optbench.harness.workload.FfmpegComponents;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigureCommandTest {
  private final FfmpegComponents components = FfmpegComponents.standard();
  private final CompilerInfo gcc = new CompilerInfo("gcc", "gcc 12.2.0", "x86_64-linux-gnu");

  @Test
  void minimalEnablesExactlyTheSharedComponentList() {
    VariantSpec spec =
        new VariantSpec(
            "n",
            "gcc",
            List.of("-O3"),
            List.of("-march=native"),
            List.of("-Wl,-O1"),
            false,
            Profile.MINIMAL);
    List<String> argv = ConfigureCommand.of(Path.of("/src"), spec, components);
    assertThat(argv.get(0)).isEqualTo("/src/configure");
    assertThat(argv)
        .contains(
            "--optflags=-O3",
            "--extra-cflags=-march=native -frecord-gcc-switches -g",
            "--extra-ldflags=-static -Wl,-O1",
            "--disable-everything",
            "--disable-asm",
            "--enable-gpl",
            "--disable-stripping");
    assertThat(argv).anyMatch(a -> a.startsWith("--enable-filter=") && a.contains("boxblur"));
    assertThat(argv).anyMatch(a -> a.startsWith("--enable-decoder=") && a.contains("eac3"));
    // What FATE's tests need beyond the workloads' components (issue 17)
    assertThat(argv)
        .contains(
            "--enable-muxer=framecrc,ismv",
            "--enable-decoder=pgmyuv",
            "--enable-filter=asetpts,silenceremove");
  }

  @Test
  void fullProfileAndAsmDropTheRestrictions() {
    VariantSpec spec =
        new VariantSpec("f", "gcc", List.of("-O2"), List.of(), List.of(), true, Profile.FULL);
    List<String> argv = ConfigureCommand.of(Path.of("/src"), spec, components);
    assertThat(argv).doesNotContain("--disable-everything", "--disable-asm");
  }

  @Test
  void cacheKeyChangesWithEveryInputThatChangesTheBinary() {
    VariantSpec o2 = VariantSpec.ofOpt("O2", List.of("-O2"), Profile.MINIMAL);
    VariantSpec o3 = VariantSpec.ofOpt("O2", List.of("-O3"), Profile.MINIMAL);
    List<String> cfg = ConfigureCommand.of(Path.of("/a"), o2, components);
    String base = CacheKey.of("s1", o2, gcc, cfg);
    assertThat(
            CacheKey.of("s1", o2, gcc, ConfigureCommand.of(Path.of("/elsewhere"), o2, components)))
        .as("the source path is not part of the key; its hash is")
        .isEqualTo(base);
    assertThat(CacheKey.of("s2", o2, gcc, cfg)).isNotEqualTo(base);
    assertThat(CacheKey.of("s1", o3, gcc, cfg)).isNotEqualTo(base);
    assertThat(
            CacheKey.of("s1", o2, new CompilerInfo("gcc", "gcc 13.1.0", "x86_64-linux-gnu"), cfg))
        .isNotEqualTo(base);
  }
}
