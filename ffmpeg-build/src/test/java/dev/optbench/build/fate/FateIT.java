package dev.optbench.build.fate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optbench.build.VariantSet;
import dev.optbench.build.compile.ConsoleBuildProgress;
import dev.optbench.build.manifest.BuildManifest;
import dev.optbench.build.manifest.Manifests;
import dev.optbench.build.source.DebianSource;
import dev.optbench.build.source.LocalSource;
import dev.optbench.build.source.SourceTree;
import dev.optbench.build.source.SourceTrees;
import dev.optbench.build.spec.Profile;
import dev.optbench.build.spec.VariantSpecs;
import dev.optbench.harness.cache.CacheDir;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * FATE's own comparison, proven to bite: a copy of Debian's ffmpeg source with one reference in
 * {@code tests/ref/fate/} altered is built at -O2 (minimal profile, in a cache of its own) and
 * exactly that test fails, while the others pass as they do on the pristine source.
 */
class FateIT {
  private static final String ALTERED = "filter-concat";

  @Test
  void anAlteredReferenceFailsExactlyItsTest(@TempDir Path tmp) throws IOException {
    SourceTree pristine = new SourceTrees(CacheDir.resolve()).prepare(new DebianSource());
    Path copy = tmp.resolve("ffmpeg-altered");
    copyTree(pristine.root(), copy);
    Path ref = copy.resolve("tests/ref/fate/" + ALTERED);
    assertThat(ref).isRegularFile();
    Files.writeString(ref, "an altered line\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

    VariantSet.Result r =
        new VariantSet(
                tmp.resolve("cache"),
                Runtime.getRuntime().availableProcessors(),
                new ConsoleBuildProgress(System.out))
            .build(
                List.of(VariantSpecs.fromCli("O2", Profile.MINIMAL)),
                new LocalSource(copy, Optional.empty()));

    BuildManifest.Fate fate = r.manifests().get(0).fate();
    System.out.println("FATE on the altered source: " + fate);
    assertThat(fate.timedOut()).isFalse();
    assertThat(fate.failedTests()).containsExactly(ALTERED);
    assertThat(fate.passed()).isGreaterThan(700);
    assertThat(fate.passed() + fate.failed() + fate.skipped()).isEqualTo(fate.listed());
    // The cache's manifest says the same as the returned one.
    assertThat(Manifests.read(r.variants().get(0).dir()).fate()).isEqualTo(fate);
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }
}
