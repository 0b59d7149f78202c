package dev.optbench.build;

import java.nio.file.Path;

/** Where builds, sources and downloads are kept between runs. */
public final class OptbenchCache {
  private OptbenchCache() {}

  /** {@code $OPTBENCH_CACHE}, else {@code $XDG_CACHE_HOME/optbench}, else ~/.cache/optbench. */
  public static Path defaultDir() {
    String explicit = System.getenv("OPTBENCH_CACHE");
    if (explicit != null && !explicit.isBlank()) {
      return Path.of(explicit);
    }
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base =
        xdg != null && !xdg.isBlank()
            ? Path.of(xdg)
            : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("optbench");
  }
}
