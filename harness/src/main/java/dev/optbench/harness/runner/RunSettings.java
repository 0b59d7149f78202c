package dev.optbench.harness.runner;

import dev.optbench.harness.metrics.sink.InfluxSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * What every variant's session of one run shares.
 *
 * @param runId the {@code run_id} tag, and the sandboxes' label
 * @param machine the {@code machine} tag
 * @param cpuset CPUs the units may use
 * @param memoryBytes memory limit per unit
 * @param timeout per step of a unit
 * @param interval sampling interval of the time series
 * @param samplesDir where the line-protocol files (and InfluxDB spools) go; see {@link Sinks}
 * @param influx InfluxDB to write to as well, if any
 * @param cadvisor a cAdvisor to read the series from instead of the cgroup files, if any
 * @param engine the named Docker engine the sessions run on ({@code --engine}), the {@code engine}
 *     tag of every sample; empty for a run on one unnamed engine or without Docker, whose tag stays
 *     the runtime's name
 */
public record RunSettings(
    String runId,
    String machine,
    String cpuset,
    long memoryBytes,
    Duration timeout,
    Duration interval,
    Path samplesDir,
    Optional<InfluxSettings> influx,
    Optional<URI> cadvisor,
    String engine) {

  /** Settings of a run on one unnamed engine (or none): the tag says the runtime. */
  public RunSettings(
      String runId,
      String machine,
      String cpuset,
      long memoryBytes,
      Duration timeout,
      Duration interval,
      Path samplesDir,
      Optional<InfluxSettings> influx,
      Optional<URI> cadvisor) {
    this(runId, machine, cpuset, memoryBytes, timeout, interval, samplesDir, influx, cadvisor, "");
  }

  /** The same settings for the sessions on the named engine {@code name}. */
  public RunSettings onEngine(String name) {
    return new RunSettings(
        runId, machine, cpuset, memoryBytes, timeout, interval, samplesDir, influx, cadvisor, name);
  }

  /** The same settings with the series read from {@code from} (an engine's own cAdvisor). */
  public RunSettings withCadvisor(Optional<URI> from) {
    return new RunSettings(
        runId, machine, cpuset, memoryBytes, timeout, interval, samplesDir, influx, from, engine);
  }

  /** The same settings with the units pinned to {@code cpus} (an engine's own cpuset). */
  public RunSettings withCpuset(String cpus) {
    return new RunSettings(
        runId, machine, cpus, memoryBytes, timeout, interval, samplesDir, influx, cadvisor, engine);
  }
}
