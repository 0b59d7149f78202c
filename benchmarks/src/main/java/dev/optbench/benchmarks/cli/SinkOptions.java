package dev.optbench.benchmarks.cli;

import dev.optbench.harness.metrics.collect.CadvisorCollector;
import dev.optbench.harness.metrics.collect.CgroupCollector;
import dev.optbench.harness.metrics.sink.InfluxConnectivity;
import dev.optbench.harness.metrics.sink.InfluxSettings;
import java.io.IOException;
import java.time.Duration;
import picocli.CommandLine.Option;

/** Where the time series go: a line-protocol file next to the results, and InfluxDB if given. */
public final class SinkOptions {
  @Option(
      names = "--influx",
      paramLabel = "URL",
      description =
          "InfluxDB 1.x URL (e.g. http://127.0.0.1:8086); credentials from OPTBENCH_INFLUX_USER / OPTBENCH_INFLUX_PASSWORD. The series always go to a line-protocol file too.")
  String influxUrl;

  @Option(
      names = "--influx-db",
      paramLabel = "DB",
      defaultValue = "optbench",
      description = "InfluxDB database, created if missing. Default: ${DEFAULT-VALUE}.")
  String database;

  @Option(
      names = "--cadvisor",
      paramLabel = "URL",
      description =
          "Read the time series from a running cAdvisor's REST API v2.0 (e.g. http://127.0.0.1:8080) instead of the cgroup files; same samples, same sinks. Per-unit totals still come from kernel counters.")
  String cadvisorUrl;

  @Option(
      names = "--interval",
      paramLabel = "TIME",
      defaultValue = "100ms",
      converter = Sizes.Time.class,
      description = "Sampling interval of the time series. Default: ${DEFAULT-VALUE}.")
  Duration interval = CgroupCollector.DEFAULT_INTERVAL;

  /** Fails before any long work when a given InfluxDB or cAdvisor does not answer. */
  void checkReachable() throws IOException {
    if (influxUrl != null) {
      InfluxConnectivity.check(InfluxSettings.of(influxUrl, database));
    }
    checkCadvisor();
  }

  /** The main job checks InfluxDB itself, but not cAdvisor. */
  void checkCadvisor() {
    cadvisor().ifPresent(CadvisorCollector::check);
  }

  /** InfluxDB to write to as well as the line-protocol file, if given. */
  java.util.Optional<InfluxSettings> influxSettings() {
    return java.util.Optional.ofNullable(influxUrl).map(url -> InfluxSettings.of(url, database));
  }

  /** A cAdvisor to read the series from instead of the cgroup files, if given. */
  java.util.Optional<java.net.URI> cadvisor() {
    return java.util.Optional.ofNullable(cadvisorUrl).map(java.net.URI::create);
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
