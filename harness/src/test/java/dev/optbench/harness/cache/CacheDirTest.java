package dev.optbench.harness.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CacheDirTest {
  private static final Path HOME = Path.of("/home/u");

  @Test
  void theCommandLineWinsThenOptbenchCacheThenXdgThenHome() {
    Map<String, String> both = Map.of("OPTBENCH_CACHE", "/oc", "XDG_CACHE_HOME", "/xdg");
    assertThat(CacheDir.resolve(Optional.of("/cli"), both, HOME)).isEqualTo(Path.of("/cli"));
    assertThat(CacheDir.resolve(Optional.empty(), both, HOME)).isEqualTo(Path.of("/oc"));
    assertThat(CacheDir.resolve(Optional.empty(), Map.of("XDG_CACHE_HOME", "/xdg"), HOME))
        .isEqualTo(Path.of("/xdg/optbench"));
    assertThat(CacheDir.resolve(Optional.empty(), Map.of(), HOME))
        .isEqualTo(Path.of("/home/u/.cache/optbench"));
  }

  @Test
  void blankValuesDoNotCount() {
    assertThat(CacheDir.resolve(Optional.of(" "), Map.of("OPTBENCH_CACHE", ""), HOME))
        .isEqualTo(Path.of("/home/u/.cache/optbench"));
  }
}
