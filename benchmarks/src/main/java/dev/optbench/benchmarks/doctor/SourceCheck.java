package dev.optbench.benchmarks.doctor;

import dev.optbench.build.source.DebianSource;
import java.util.List;
import java.util.Optional;

/**
 * Whether the default source, Debian's source package, can be fetched. Without it the build still
 * works with {@code --source}, so its absence is a warning.
 */
public final class SourceCheck implements Check {
  private final DebianSource debian;

  public SourceCheck(DebianSource debian) {
    this.debian = debian;
  }

  @Override
  public String name() {
    return "ffmpeg source";
  }

  @Override
  public List<Finding> run() {
    Optional<String> problem = debian.problem();
    if (problem.isEmpty()) {
      return List.of(
          Finding.ok("ffmpeg source: " + debian.describe() + " is known to apt (apt-get source)"));
    }
    return List.of(
        Finding.warn("ffmpeg source: " + debian.describe() + " cannot be fetched", problem.get()));
  }
}
