package dev.optbench.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optbench.build.compile.BuildProgress;
import dev.optbench.build.compile.BuiltVariant;
import dev.optbench.build.manifest.Manifests;
import dev.optbench.build.source.DebianSource;
import dev.optbench.build.spec.Profile;
import dev.optbench.build.spec.VariantSpecs;
import dev.optbench.build.util.FileTrees;
import dev.optbench.build.util.Hashing;
import dev.optbench.harness.cache.CacheDir;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * optbench killed (SIGKILL, with make and the compilers under it) half way through a real build,
 * then run again: the rerun completes and the cache holds exactly one complete entry.
 */
class KilledBuildIT {
  private static final String VARIANT = "killed-O0";

  /** The child: builds one variant and exits. */
  public static void main(String[] args) {
    new VariantSet(Path.of(args[0]), 2, BuildProgress.NONE)
        .build(List.of(VariantSpecs.fromCli(args[1], Profile.MINIMAL)), new DebianSource());
  }

  @Test
  void rerunAfterAKillCompletesAndLeavesAConsistentCache() throws Exception {
    Path cache = CacheDir.resolve();
    Path builds = cache.resolve("builds");
    Files.createDirectories(builds);
    for (Path p : entries(builds)) {
      FileTrees.deleteRecursively(p); // a complete entry from an earlier run would be a cache hit
    }

    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                KilledBuildIT.class.getName(),
                cache.toString(),
                VARIANT + "=-O0")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    Instant deadline = Instant.now().plus(Duration.ofMinutes(15));
    while (objectFiles(builds) < 40) {
      assertThat(child.isAlive()).as("the child build ended before it could be killed").isTrue();
      assertThat(Instant.now()).isBefore(deadline);
      Thread.sleep(500);
    }
    List<ProcessHandle> tree = child.descendants().toList();
    child.destroyForcibly();
    tree.forEach(ProcessHandle::destroyForcibly);
    child.waitFor();

    assertThat(entries(builds)).allMatch(p -> p.getFileName().toString().startsWith(".tmp-"));

    BuiltVariant v =
        new VariantSet(cache, Runtime.getRuntime().availableProcessors(), BuildProgress.NONE)
            .fateLimit(Duration.ZERO) // this test is about the cache; FATE is FateIT's
            .build(
                List.of(VariantSpecs.fromCli(VARIANT + "=-O0", Profile.MINIMAL)),
                new DebianSource())
            .variants()
            .get(0);
    assertThat(v.cached()).isFalse();
    assertThat(entries(builds)).containsExactly(v.dir());
    assertThat(Hashing.sha256(v.ffmpeg())).isEqualTo(Manifests.read(v.dir()).binary().sha256());
  }

  private static List<Path> entries(Path builds) throws Exception {
    try (Stream<Path> s = Files.list(builds)) {
      return s.filter(p -> p.getFileName().toString().contains(VARIANT)).toList();
    }
  }

  private static long objectFiles(Path builds) throws Exception {
    long n = 0;
    for (Path p : entries(builds)) {
      if (Files.isDirectory(p.resolve("obj"))) {
        try (Stream<Path> s = Files.walk(p.resolve("obj"))) {
          n += s.filter(f -> f.toString().endsWith(".o")).count();
        }
      }
    }
    return n;
  }
}
