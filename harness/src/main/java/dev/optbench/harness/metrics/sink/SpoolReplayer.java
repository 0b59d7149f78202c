package dev.optbench.harness.metrics.sink;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a spool (or any line-protocol file) to InfluxDB. Safe to run twice: identical points
 * overwrite themselves (see {@link Spool}). The CLI's {@code replay} subcommand calls {@link
 * #replay}; until then {@link #main} is the entry point the close message names.
 */
public final class SpoolReplayer {
  private static final Logger log = LoggerFactory.getLogger(SpoolReplayer.class);
  private static final int CHUNK_LINES = 5000;

  private SpoolReplayer() {}

  /**
   * Delivers every line of {@code file}; on success renames it to {@code <file>.replayed}.
   *
   * @return number of lines delivered
   * @throws IOException with what to do, if InfluxDB did not take them; the file is untouched
   */
  public static long replay(Path file, InfluxSettings settings) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IOException("No spool file at " + file + "; nothing to replay");
    }
    InfluxConnectivity.check(
        settings, Duration.ofSeconds(3), "Start it, then replay again; " + file + " is untouched");
    Spool spool = new Spool(file);
    try (InfluxLineWriter writer = new InfluxLineWriter(settings, 30_000)) {
      // Spool.drain deletes the file when done; keep a copy so the user can see what was sent.
      Path replayed = file.resolveSibling(file.getFileName() + ".replayed");
      Files.copy(file, replayed, StandardCopyOption.REPLACE_EXISTING);
      long lines = spool.drain(writer, CHUNK_LINES);
      log.info(
          "Replayed {} points from {} into {} (copy kept as {})", lines, file, settings, replayed);
      return lines;
    } catch (IOException e) {
      throw new IOException(
          "Replay of "
              + file
              + " into "
              + settings.url()
              + " stopped: "
              + settings.redact(e.getMessage())
              + ". Nothing is lost; run the same command again once InfluxDB is up.");
    }
  }

  private static java.util.List<Path> spools(Path target) throws IOException {
    if (!Files.isDirectory(target)) {
      return java.util.List.of(target);
    }
    try (java.util.stream.Stream<Path> files = Files.list(target)) {
      return files
          .filter(f -> f.getFileName().toString().endsWith(SpoolFolder.SUFFIX))
          .sorted()
          .toList();
    }
  }

  /** The shell command that replays {@code file}, for messages. Carries no credentials. */
  public static String command(InfluxSettings settings, Path file) {
    return "java -cp "
        + classPath()
        + " "
        + SpoolReplayer.class.getName()
        + " "
        + settings.url()
        + " "
        + settings.database()
        + " "
        + file.toAbsolutePath()
        + (settings.user().isPresent()
            ? "   (with " + InfluxSettings.ENV_USER + "/" + InfluxSettings.ENV_PASSWORD + " set)"
            : "");
  }

  /**
   * This JVM's class path, made absolute so the command works from any folder. Under {@code java
   * -jar benchmarks.jar} that is the shaded jar alone; the harness jar by itself would lack
   * influxdb-java, so its own location is not enough.
   */
  private static String classPath() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> !entry.isEmpty())
        .map(entry -> Path.of(entry).toAbsolutePath().toString())
        .collect(Collectors.joining(File.pathSeparator));
  }

  /**
   * Usage: SpoolReplayer INFLUX_URL DATABASE SPOOL_FILE|FOLDER (credentials from the environment).
   * A folder (a run's {@code samples}) replays every {@code *.spool} in it.
   */
  public static void main(String[] args) {
    if (args.length != 3) {
      System.err.println("usage: SpoolReplayer INFLUX_URL DATABASE SPOOL_FILE|FOLDER");
      System.exit(2);
    }
    try {
      InfluxSettings settings = InfluxSettings.of(args[0], args[1]);
      Path target = Path.of(args[2]);
      long lines = 0;
      for (Path file : spools(target)) {
        lines += replay(file, settings);
      }
      System.out.println("replayed " + lines + " points");
    } catch (IOException | IllegalArgumentException e) {
      System.err.println(e.getMessage()); // written for the user; a stack trace adds nothing
      System.exit(1);
    }
  }
}
