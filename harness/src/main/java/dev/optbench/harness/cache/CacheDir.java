package dev.optbench.harness.cache;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The one rule for optbench's cache folder (builds, sources, workloads, the compiled exec helper),
 * used by every command, runtime and JMH fork:
 *
 * <ol>
 *   <li>{@code --cache DIR} on the command line (the CLI records it in the system property {@value
 *       #PROPERTY}, which the main job hands to its JMH forks);
 *   <li>{@code $OPTBENCH_CACHE};
 *   <li>{@code $XDG_CACHE_HOME/optbench};
 *   <li>{@code ~/.cache/optbench}.
 * </ol>
 */
public final class CacheDir {
  public static final String PROPERTY = "optbench.cache";
  public static final String ENV = "OPTBENCH_CACHE";

  private CacheDir() {}

  /** The cache folder by the rule above, for this JVM. */
  public static Path resolve() {
    return resolve(
        Optional.ofNullable(System.getProperty(PROPERTY)),
        System.getenv(),
        Path.of(System.getProperty("user.home")));
  }

  /** Makes {@code --cache} the answer of {@link #resolve()} in this JVM (and its JMH forks). */
  public static Path use(Path explicit) {
    Path absolute = explicit.toAbsolutePath();
    System.setProperty(PROPERTY, absolute.toString());
    return absolute;
  }

  static Path resolve(Optional<String> explicit, Map<String, String> env, Path home) {
    Optional<String> given = explicit.filter(s -> !s.isBlank());
    if (given.isPresent()) {
      return Path.of(given.get());
    }
    String optbench = env.get(ENV);
    if (optbench != null && !optbench.isBlank()) {
      return Path.of(optbench);
    }
    String xdg = env.get("XDG_CACHE_HOME");
    Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".cache");
    return base.resolve("optbench");
  }
}
