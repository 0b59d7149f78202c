package dev.optbench.harness.metrics.collect;

import com.github.dockerjava.api.DockerClient;
import dev.optbench.harness.metrics.Collector;
import dev.optbench.harness.metrics.CollectorSession;
import dev.optbench.harness.metrics.MeasurementTarget;
import dev.optbench.harness.metrics.MetricsSink;
import java.time.Duration;
import java.util.Map;

/**
 * Samples a container through its engine's stats API (the stream {@code docker stats} reads) into
 * the same samples and sinks as the cgroup collector: the series of a container whose cgroup files
 * are not on this machine (a remote engine). It reads what the engine reads, the container's own
 * cgroup, and on a remote engine the units run inside the container (optbench-exec), so the series
 * cover them.
 *
 * <p>Less precise than the cgroup collector, said so in the README: the engine refreshes its stats
 * about once a second on its own clock, however often we poll, so peaks shorter than ~1 s are
 * missed (the per-unit totals never come from here); samples carry the engine's read time; the
 * {@code unit} tag is the unit running when the entry arrived, so an entry can be tagged with the
 * next unit by up to a second; the last reading before the container goes can be up to a second
 * old; a sandbox closed before the engine's first tick waits for it (up to {@link
 * DockerStatsSource#FIRST_ENTRY_WAIT}), so it has at least one point. Which counters the API lacks:
 * {@link DockerStatsMapper}.
 */
public final class DockerStatsCollector implements Collector {
  /** How often the engine sends an entry: Docker's stats collector ticks every second. */
  public static final Duration ENGINE_INTERVAL = Duration.ofSeconds(1);

  private final DockerClient client;
  private final String engine;
  private final int readingsPerBatch;

  /**
   * @param engine names the engine in messages
   * @param readingsPerBatch readings (one a second) per batch handed to the sink
   */
  public DockerStatsCollector(DockerClient client, String engine, int readingsPerBatch) {
    this.client = client;
    this.engine = engine;
    this.readingsPerBatch = readingsPerBatch;
  }

  public DockerStatsCollector(DockerClient client, String engine) {
    this(client, engine, 2);
  }

  /**
   * Opens the container's stats stream; {@code interval} is how often the newest entry is looked at
   * (cheap: no request), not how often the engine measures.
   *
   * @throws IllegalArgumentException when the target is not a container
   */
  @Override
  public CollectorSession attach(
      MeasurementTarget target, Duration interval, MetricsSink sink, Map<String, String> tags) {
    String id =
        target
            .containerId()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        target.name() + " is not a container: no engine stats to read"));
    DockerStatsSource source = new DockerStatsSource(client, id, engine);
    // failures are counted per poll: give the engine 10 s of its own ticks before giving up
    Duration giveUp = ENGINE_INTERVAL.multipliedBy(10);
    return new PollingSession(
        source, SampleTags.of(target, tags), sink, interval, readingsPerBatch, giveUp);
  }

  @Override
  public String toString() {
    return "the stats API of " + engine;
  }
}
