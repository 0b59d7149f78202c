package dev.optbench.build.source;

import dev.optbench.build.proc.ProcessRunner;
import dev.optbench.build.util.CacheLock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * optbench's own apt configuration for source packages, kept under the cache: a {@code deb-src}
 * list derived from the binary sources apt already has ({@link AptSources}), its own lists and
 * package cache, used through {@code -o Dir::...} options. Nothing under {@code /etc/apt} is read
 * for deb-src or written, and root is not needed: apt's state and lock live here too.
 *
 * <p>The index is fetched ({@code apt-get update}, ~10 MB and ~15 s for Debian 12) when it is
 * missing or the derived list changed, and again when a download fails because the mirror has moved
 * on; otherwise it is kept, so the source (and every cached build keyed by its hash) stays put
 * until then.
 */
final class PrivateApt {
  private final Path dir;
  private final Map<String, String> env;

  /**
   * @param dir where the configuration, lists and cache live
   * @param env added to apt's environment ({@code APT_CONFIG} selects another system configuration)
   */
  PrivateApt(Path dir, Map<String, String> env) {
    this.dir = dir;
    this.env = env;
  }

  Path sourcesFile() {
    return dir.resolve("sources.list.d/optbench-deb-src.sources");
  }

  /** {@code apt-get <our options> <args...>} */
  List<String> aptGet(String... args) {
    List<String> argv = new ArrayList<>(List.of("apt-get", "-q"));
    for (String o :
        List.of(
            "Dir::Etc::SourceList=" + dir.resolve("sources.list"),
            "Dir::Etc::SourceParts=" + sourcesFile().getParent(),
            "Dir::State::Lists=" + dir.resolve("lists"),
            "Dir::Cache=" + dir.resolve("cache"),
            "Acquire::Languages=none")) {
      argv.add("-o");
      argv.add(o);
    }
    argv.addAll(List.of(args));
    return argv;
  }

  ProcessRunner.Result run(Path cwd, Duration timeout, String... args) {
    return ProcessRunner.captureWithEnv(aptGet(args), cwd, env, timeout);
  }

  /** Writes the deb-src list and fetches the index unless both are already in place. */
  @SuppressWarnings("try") // the lock is held for the block's duration, never referenced
  void ensureIndex() {
    try (CacheLock lock = CacheLock.acquire(dir.resolve("optbench.lock"))) {
      String wanted = derivedSources();
      boolean changed =
          !Files.isRegularFile(sourcesFile()) || !Files.readString(sourcesFile()).equals(wanted);
      if (changed) {
        Files.createDirectories(sourcesFile().getParent());
        Files.writeString(sourcesFile(), wanted);
      }
      if (changed || !hasIndex()) {
        update();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot set up " + dir, e);
    }
  }

  /** Fetches the index again (the mirror may have replaced the version it lists). */
  @SuppressWarnings("try")
  void refresh() {
    try (CacheLock lock = CacheLock.acquire(dir.resolve("optbench.lock"))) {
      update();
    }
  }

  private void update() {
    try {
      Files.createDirectories(dir.resolve("lists/partial"));
      Files.createDirectories(dir.resolve("cache"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot set up " + dir, e);
    }
    ProcessRunner.Result r = run(dir, Duration.ofMinutes(10), "update");
    // apt-get update exits 0 even when an index could not be fetched; "W:"/"E:" lines tell.
    if (!r.ok() || r.output().lines().anyMatch(l -> l.startsWith("E:") || l.startsWith("Err:"))) {
      throw new SourceException(
          SourceAdvice.cannotUse(
              "apt-get update of optbench's source index (" + sourcesFile() + ") failed",
              r.output()));
    }
  }

  private boolean hasIndex() throws IOException {
    Path lists = dir.resolve("lists");
    if (!Files.isDirectory(lists)) {
      return false;
    }
    try (Stream<Path> files = Files.list(lists)) {
      return files.anyMatch(f -> f.getFileName().toString().contains("_Sources"));
    }
  }

  /** The deb-src entries for the binary sources of apt's configuration (APT_CONFIG honoured). */
  private String derivedSources() throws IOException {
    ProcessRunner.Result r =
        ProcessRunner.captureWithEnv(
            List.of(
                "apt-config",
                "shell",
                "LIST",
                "Dir::Etc::sourcelist/f",
                "PARTS",
                "Dir::Etc::sourceparts/d"),
            null,
            env,
            Duration.ofSeconds(30));
    if (!r.ok()) {
      throw new SourceException(SourceAdvice.cannotUse("apt-config failed", r.output()));
    }
    AptSources sources = new AptSources();
    Path list = Path.of(shellValue(r.output(), "LIST"));
    if (Files.isRegularFile(list)) {
      sources.addList(Files.readString(list));
    }
    Path parts = Path.of(shellValue(r.output(), "PARTS"));
    if (Files.isDirectory(parts)) {
      try (Stream<Path> files = Files.list(parts)) {
        for (Path f : files.sorted().toList()) {
          String name = f.getFileName().toString();
          if (name.endsWith(".list")) {
            sources.addList(Files.readString(f));
          } else if (name.endsWith(".sources")) {
            sources.addDeb822(Files.readString(f));
          }
        }
      }
    }
    OsRelease os = OsRelease.current();
    String debSrc = sources.debSrcFor(os);
    if (debSrc.isEmpty()) {
      throw new SourceException(
          SourceAdvice.cannotUse(
              "neither apt's sources ("
                  + list
                  + ", "
                  + parts
                  + ") nor /etc/os-release name a Debian or Ubuntu release"
                  + (os.codename().isEmpty() ? "" : " '" + os.codename() + "'"),
              ""));
    }
    return debSrc;
  }

  /** A value of {@code apt-config shell} output: {@code NAME='value'}. */
  private static String shellValue(String output, String name) {
    return output
        .lines()
        .filter(l -> l.startsWith(name + "="))
        .map(l -> l.substring(name.length() + 1).replaceAll("^'|'$", ""))
        .findFirst()
        .orElse("/nonexistent");
  }
}
