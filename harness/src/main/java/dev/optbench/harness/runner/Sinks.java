package dev.optbench.harness.runner;

import dev.optbench.harness.metrics.MetricsSink;
import dev.optbench.harness.metrics.sink.CompositeSink;
import dev.optbench.harness.metrics.sink.InfluxDbSink;
import dev.optbench.harness.metrics.sink.InfluxSettings;
import dev.optbench.harness.metrics.sink.LineProtocolFileSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The one sink policy and the one set of file names: a line-protocol file {@code <name>.lp} always
 * (so the run's folder holds the series the report charts), and with InfluxDB also there (for
 * Grafana), spooled to {@code <name>.spool} while it is away.
 */
public final class Sinks {
  public static final String LINE_PROTOCOL = ".lp";

  /**
   * Not {@code .lp}: readers of a run's series take every {@code .lp} file, and a spool repeats
   * samples the {@code .lp} file already holds.
   */
  public static final String SPOOL = ".spool";

  private Sinks() {}

  public static MetricsSink open(Path dir, String name, Optional<InfluxSettings> influx) {
    try {
      Files.createDirectories(dir);
      MetricsSink file = new LineProtocolFileSink(dir.resolve(name + LINE_PROTOCOL));
      if (influx.isEmpty()) {
        return file;
      }
      return new CompositeSink(
          List.of(new InfluxDbSink(influx.get(), dir.resolve(name + SPOOL)), file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the samples file " + name + " in " + dir, e);
    }
  }
}
