package dev.optbench.harness.metrics.collect;

import dev.optbench.harness.metrics.Collector;
import dev.optbench.harness.metrics.CollectorSession;
import dev.optbench.harness.metrics.MeasurementTarget;
import dev.optbench.harness.metrics.MetricsSink;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * Samples a sandbox through a running cAdvisor's REST API (v2.0) instead of reading cgroup files
 * directly, into the same samples and sinks: for users who already run cAdvisor (the classic
 * cAdvisor + InfluxDB + Grafana setup). The target is asked for by its cgroup name ({@code
 * type=name}: {@code /optbench/<run>@<owner>/<variant>} for the cgroup runtime, {@code
 * /optbench-docker/<container>} for the Docker runtime, whose units run in cgroups beside the
 * container's, which a {@code type=docker} query would miss); a target without host cgroup folders
 * (remote engine) by its Docker id ({@code type=docker}).
 *
 * <p>What differs from the cgroup collector, said so in the README: samples carry cAdvisor's own
 * timestamps, one new reading per cAdvisor housekeeping (1 s by default, may stretch to 60 s),
 * however often we poll; the {@code unit} tag is the unit running when the reading arrived, so a
 * reading can be tagged with the next unit by up to one housekeeping interval. Per-unit totals
 * never come from here: they are kernel counters either way.
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

  /**
   * Fails fast, before any long work, when nothing answers as a cAdvisor at {@code baseUrl} ({@code
   * GET /api/v2.0/version}).
   *
   * @throws IllegalArgumentException saying what to fix
   */
  public static void check(URI baseUrl) {
    check(baseUrl, "--cadvisor");
  }

  /**
   * As {@link #check(URI)}, for a URL the user gave as {@code given} (e.g. "--cadvisor", or "engine
   * a's cadvisor="), which the message names.
   */
  public static void check(URI baseUrl, String given) {
    String base = baseUrl.toString().replaceAll("/+$", "");
    if (!base.startsWith("http://") && !base.startsWith("https://")) {
      throw new IllegalArgumentException(
          given + " " + baseUrl + " is not an http(s) URL; give e.g. http://127.0.0.1:8080");
    }
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    try {
      HttpResponse<Void> r =
          http.send(
              HttpRequest.newBuilder(URI.create(base + "/api/v2.0/version"))
                  .timeout(Duration.ofSeconds(3))
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      if (r.statusCode() != 200) {
        throw new IllegalArgumentException(
            given
                + " "
                + base
                + " answered HTTP "
                + r.statusCode()
                + " to /api/v2.0/version;"
                + " is it a cAdvisor (v0.24 or later)?");
      }
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "no cAdvisor answers at " + base + " (" + e + "); start it or drop " + given, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while checking " + base, e);
    }
  }

  @Override
  public CollectorSession attach(
      MeasurementTarget target, Duration interval, MetricsSink sink, Map<String, String> tags) {
    CadvisorStatsSource.Query query = CadvisorStatsSource.Query.of(target);
    Duration timeout =
        interval.multipliedBy(10).compareTo(Duration.ofSeconds(2)) > 0
            ? interval.multipliedBy(10)
            : Duration.ofSeconds(2);
    StatsSource source = new CadvisorStatsSource(http, baseUrl, query, timeout);
    return new PollingSession(
        source, SampleTags.of(target, tags), sink, interval, readingsPerBatch);
  }
}
