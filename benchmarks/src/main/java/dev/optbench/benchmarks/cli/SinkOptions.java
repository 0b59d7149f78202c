package dev.optbench.benchmarks.cli;

import dev.optbench.harness.metrics.MetricsSink;
import dev.optbench.harness.metrics.collect.CgroupCollector;
import dev.optbench.harness.metrics.sink.InfluxConnectivity;
import dev.optbench.harness.metrics.sink.InfluxDbSink;
import dev.optbench.harness.metrics.sink.InfluxSettings;
import dev.optbench.harness.metrics.sink.LineProtocolFileSink;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/** Where the time series go: InfluxDB if given, else a line-protocol file next to the results. */
public final class SinkOptions {
  @Option(
      names = "--influx",
      paramLabel = "URL",
      description =
          "InfluxDB 1.x URL (e.g. http://127.0.0.1:8086); credentials from OPTBENCH_INFLUX_USER / OPTBENCH_INFLUX_PASSWORD. Default: none, series go to a line-protocol file.")
  String influxUrl;

  @Option(
      names = "--influx-db",
      paramLabel = "DB",
      defaultValue = "optbench",
      description = "InfluxDB database, created if missing. Default: ${DEFAULT-VALUE}.")
  String database;

  @Option(
      names = "--interval",
      paramLabel = "TIME",
      defaultValue = "100ms",
      converter = Sizes.Time.class,
      description = "Sampling interval of the time series. Default: ${DEFAULT-VALUE}.")
  Duration interval = CgroupCollector.DEFAULT_INTERVAL;

  /** Fails before any long work when a given InfluxDB does not answer. */
  void checkReachable() throws IOException {
    if (influxUrl != null) {
      InfluxConnectivity.check(InfluxSettings.of(influxUrl, database));
    }
  }

  MetricsSink open(Path outDir, String runId) throws IOException {
    if (influxUrl != null) {
      return new InfluxDbSink(
          InfluxSettings.of(influxUrl, database), outDir.resolve(runId + ".spool.lp"));
    }
    return new LineProtocolFileSink(outDir.resolve(runId + ".samples.lp"));
  }

  /** For the main job, which checks the connection itself. */
  java.util.Optional<dev.optbench.benchmarks.job.JobSettings.Influx> influx() {
    return java.util.Optional.ofNullable(influxUrl)
        .map(url -> new dev.optbench.benchmarks.job.JobSettings.Influx(url, database));
  }

  Duration interval() {
    return interval;
  }
}
