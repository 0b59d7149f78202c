package dev.optbench.benchmarks.doctor;

import dev.optbench.build.source.DebianSource;
import dev.optbench.build.source.SourceException;
import dev.optbench.build.source.SourceTrees;
import java.nio.file.Path;
import java.util.List;

/**
 * Whether the default source, Debian's source package, can be fetched. Without it the build still
 * works with {@code --source}, so its absence is a warning.
 */
public final class SourceCheck implements Check {
  private final DebianSource debian;
  private final Path cache;

  public SourceCheck(DebianSource debian, Path cache) {
    this.debian = debian;
    this.cache = cache;
  }

  @Override
  public String name() {
    return "ffmpeg source";
  }

  @Override
  public List<Finding> run() {
    try {
      new SourceTrees(cache).check(debian);
      return List.of(
          Finding.ok(
              "ffmpeg source: "
                  + debian.describe()
                  + " is known to optbench's own apt source index (under "
                  + cache
                  + ")"));
    } catch (SourceException e) {
      return List.of(
          Finding.warn(
              "ffmpeg source: " + debian.describe() + " cannot be fetched", e.getMessage()));
    }
  }
}
