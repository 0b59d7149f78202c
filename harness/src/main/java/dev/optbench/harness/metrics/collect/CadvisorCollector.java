package dev.optbench.harness.metrics.collect;

import dev.optbench.harness.metrics.Collector;
import dev.optbench.harness.metrics.CollectorSession;
import dev.optbench.harness.metrics.MeasurementTarget;
import dev.optbench.harness.metrics.MetricsSink;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;

/**
 * Samples a Docker container through a running cAdvisor's REST API instead of reading cgroup files
 * directly: for hosts where optbench cannot read /sys/fs/cgroup but a cAdvisor is already deployed.
 * Samples carry cAdvisor's own timestamps; at its default 1 s housekeeping, polling every 100 ms
 * yields one new reading a second.
 */
public final class CadvisorCollector implements Collector {
  private final URI baseUrl;
  private final HttpClient http;
  private final int readingsPerBatch;

  /**
   * @param baseUrl e.g. http://127.0.0.1:8080
   */
  public CadvisorCollector(URI baseUrl, int readingsPerBatch) {
    this.baseUrl = baseUrl;
    this.readingsPerBatch = readingsPerBatch;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  }

  public CadvisorCollector(URI baseUrl) {
    this(baseUrl, 10);
  }

  @Override
  public CollectorSession attach(
      MeasurementTarget target, Duration interval, MetricsSink sink, Map<String, String> tags) {
    // type=docker looks containers up by Docker id (or name); cgroup-only targets have neither.
    String container = target.containerId().orElse(target.name());
    Duration timeout =
        interval.multipliedBy(10).compareTo(Duration.ofSeconds(2)) > 0
            ? interval.multipliedBy(10)
            : Duration.ofSeconds(2);
    StatsSource source = new CadvisorStatsSource(http, baseUrl, container, timeout);
    return new PollingSession(
        source, SampleTags.of(target, tags), sink, interval, readingsPerBatch);
  }
}
