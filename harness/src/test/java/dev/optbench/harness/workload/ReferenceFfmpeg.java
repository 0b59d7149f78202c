package dev.optbench.harness.workload;

import dev.optbench.harness.testing.Services;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The built ffmpeg ITs measure against: $OPTBENCH_FFMPEG, else the newest
 * $OPTBENCH_CACHE/builds/O2-* /bin/ffmpeg (OPTBENCH_CACHE defaults to ~/.cache/optbench). Missing:
 * skipped locally, a failure in CI (harness ITs run before ffmpeg-build's in the reactor, so in CI
 * the binary comes from an earlier cached build).
 */
public final class ReferenceFfmpeg {
  private ReferenceFfmpeg() {}

  public static Path locate() {
    Optional<Path> explicit = Services.env("OPTBENCH_FFMPEG").map(Path::of);
    Optional<Path> found = explicit.isPresent() ? explicit : newestCached();
    if (found.isEmpty() || !Files.isExecutable(found.get())) {
      Services.missing("a built ffmpeg (run: optbench build --variants O2)");
    }
    return found.orElseThrow();
  }

  public static Path cacheDir() {
    return Services.env("OPTBENCH_CACHE")
        .map(Path::of)
        .orElse(Path.of(System.getProperty("user.home"), ".cache", "optbench"));
  }

  private static Optional<Path> newestCached() {
    Path builds = cacheDir().resolve("builds");
    if (!Files.isDirectory(builds)) {
      return Optional.empty();
    }
    try (Stream<Path> dirs = Files.list(builds)) {
      return dirs.filter(d -> d.getFileName().toString().startsWith("O2-"))
          .map(d -> d.resolve("bin/ffmpeg"))
          .filter(Files::isExecutable)
          .max(Comparator.comparing(ReferenceFfmpeg::modified));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long modified(Path p) {
    try {
      return Files.getLastModifiedTime(p).toMillis();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
