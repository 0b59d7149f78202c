package dev.optbench.benchmarks.cli;

import dev.optbench.build.source.DebianSource;
import dev.optbench.build.source.LocalSource;
import dev.optbench.build.source.SourceProvider;
import dev.optbench.build.source.UrlSource;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Where ffmpeg's source comes from. */
public final class SourceOptions {
  @Option(
      names = "--source",
      paramLabel = "PATH|URL",
      description =
          "ffmpeg source: a local tree or tarball, or an http(s) tarball URL (needs"
              + " --source-sha256). Default: the distribution's source package via apt-get source,"
              + " with optbench's own deb-src list under the cache (nothing to set up).")
  String source;

  @Option(
      names = "--source-sha256",
      paramLabel = "SHA",
      description = "Expected SHA-256 of the source tarball (required for URLs).")
  String sha256;

  public SourceProvider provider() {
    if (source == null) {
      return new DebianSource(); // says what to give instead when apt cannot serve it
    }
    if (source.startsWith("http://") || source.startsWith("https://")) {
      return new UrlSource(URI.create(source), sha256);
    }
    return new LocalSource(Path.of(source), Optional.ofNullable(sha256));
  }
}
