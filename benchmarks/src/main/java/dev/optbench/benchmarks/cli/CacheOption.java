package dev.optbench.benchmarks.cli;

import dev.optbench.build.OptbenchCache;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --cache DIR}: the build cache, shared by every subcommand that builds or reads builds. */
public final class CacheOption {
  @Option(
      names = "--cache",
      paramLabel = "DIR",
      description = "Build cache. Default: $OPTBENCH_CACHE or ~/.cache/optbench.")
  Path cache;

  public Path dir() {
    return cache != null ? cache : OptbenchCache.defaultDir();
  }
}
