package dev.optbench.benchmarks.cli;

import dev.optbench.build.source.DebianSource;
import dev.optbench.build.source.LocalSource;
import dev.optbench.build.source.SourceException;
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
              + " --source-sha256). Default: Debian's source package via apt-get source.")
  String source;

  @Option(
      names = "--source-sha256",
      paramLabel = "SHA",
      description = "Expected SHA-256 of the source tarball (required for URLs).")
  String sha256;

  public SourceProvider provider() {
    if (source == null) {
      if (!DebianSource.aptPresent()) {
        throw new SourceException(
            "no --source given and apt-get is not available for Debian's source package: give"
                + " --source with an ffmpeg tree, tarball or URL");
      }
      return new DebianSource();
    }
    if (source.startsWith("http://") || source.startsWith("https://")) {
      return new UrlSource(URI.create(source), sha256);
    }
    return new LocalSource(Path.of(source), Optional.ofNullable(sha256));
  }
}
