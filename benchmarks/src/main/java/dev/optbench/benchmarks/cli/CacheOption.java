package dev.optbench.benchmarks.cli;

import dev.optbench.harness.cache.CacheDir;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --cache DIR}: the cache, shared by every subcommand that builds or reads builds. The rule
 * (--cache, $OPTBENCH_CACHE, $XDG_CACHE_HOME/optbench, ~/.cache/optbench) is {@link CacheDir}'s.
 */
public final class CacheOption {
  @Option(
      names = "--cache",
      paramLabel = "DIR",
      description =
          "Cache of builds, sources, workloads. Default: $OPTBENCH_CACHE, else $XDG_CACHE_HOME/optbench, else ~/.cache/optbench.")
  Path cache;

  /** The cache folder; a given --cache also becomes this JVM's (runtimes, JMH forks) rule. */
  public Path dir() {
    return cache != null ? CacheDir.use(cache) : CacheDir.resolve();
  }
}
