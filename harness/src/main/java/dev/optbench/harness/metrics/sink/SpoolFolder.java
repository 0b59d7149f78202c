package dev.optbench.harness.metrics.sink;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * The spool files ({@code *.spool}) of one folder, as left by {@link InfluxDbSink}s that closed
 * while InfluxDB was away: a run's trials each leave one. The run retries them after every trial
 * and once more at its end, so an outage that spans trials loses nothing once InfluxDB is back.
 * Only for spools whose sink is closed (a finished trial's): an open sink appends to its own.
 * Resending is harmless: identical points overwrite themselves (see {@link Spool}).
 */
public final class SpoolFolder {
  public static final String SUFFIX = ".spool";
  private static final int CHUNK_LINES = 5000;

  private final Path dir;
  private final InfluxSettings settings;

  public SpoolFolder(Path dir, InfluxSettings settings) {
    this.dir = dir;
    this.settings = settings;
  }

  /**
   * What is left to deliver after a retry.
   *
   * @param delivered lines this retry delivered
   * @param pendingLines lines still waiting in spool files
   * @param pendingFiles files holding them
   */
  public record Outcome(long delivered, long pendingLines, int pendingFiles) {
    public boolean complete() {
      return pendingLines == 0;
    }
  }

  /**
   * Delivers every spool file, oldest lines first; stops at the first file InfluxDB does not take
   * (it is down: the others would fail alike) and keeps only what is undelivered on disk.
   */
  public Outcome retry(Duration requestTimeout) throws IOException {
    List<Path> spools = spools();
    long delivered = 0;
    if (!spools.isEmpty()) {
      try (InfluxLineWriter writer = new InfluxLineWriter(settings, requestTimeout.toMillis())) {
        for (Path file : spools) {
          Spool spool = new Spool(file);
          try {
            delivered += spool.drain(writer, CHUNK_LINES);
          } catch (IOException down) {
            spool.compact(); // what went through before the failure is not resent
            break;
          }
        }
      }
    }
    return new Outcome(delivered, pendingLines(), spools().size());
  }

  /** The command that replays what is left, for the run's last lines. No credentials. */
  public String replayCommand() {
    return SpoolReplayer.command(settings, dir);
  }

  private long pendingLines() throws IOException {
    long lines = 0;
    for (Path f : spools()) {
      try (Stream<String> l = Files.lines(f)) {
        lines += l.count();
      }
    }
    return lines;
  }

  private List<Path> spools() throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
    }
  }
}
