package dev.optbench.harness.metrics.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.optbench.harness.cgroup.CgroupVersion;
import dev.optbench.harness.metrics.MeasurementTarget;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Polls cAdvisor's REST API v2.0 for the latest stats of one container: {@code GET
 * /api/v2.0/stats/<cgroup name>?type=name&count=1} or {@code .../<docker id>?type=docker&count=1}.
 * cAdvisor refreshes its stats at its own housekeeping interval (1 s by default), so a poll that
 * returns the same timestamp as the last one is skipped, never written twice.
 */
final class CadvisorStatsSource implements StatsSource {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http;
  private final URI uri;
  private final Duration timeout;
  private long lastTimestamp = Long.MIN_VALUE;
  private boolean seenOnce;

  /**
   * What to ask cAdvisor for.
   *
   * @param name a cgroup path ({@code /optbench-docker/x}) or a Docker id
   * @param type {@code name} or {@code docker}
   */
  record Query(String name, String type) {
    /** By cgroup name when the target has host cgroup folders, else by Docker id. */
    static Query of(MeasurementTarget target) {
      Map<String, Path> dirs = target.cgroupDirs();
      for (String controller : List.of("memory", "cpuacct", "unified")) {
        Path dir = dirs.get(controller);
        if (dir != null) {
          Path mount =
              controller.equals("unified") && !dirs.containsKey("memory")
                  ? hierarchyRoot(dir)
                  : CgroupVersion.DEFAULT_ROOT.resolve(controller);
          if (dir.startsWith(mount)) {
            return new Query("/" + mount.relativize(dir), "name");
          }
        }
      }
      return new Query(target.containerId().orElse(target.name()), "docker");
    }

    /** v2: the unified mount, /sys/fs/cgroup (or /sys/fs/cgroup/unified on hybrid hosts). */
    private static Path hierarchyRoot(Path dir) {
      Path hybrid = CgroupVersion.DEFAULT_ROOT.resolve("unified");
      return dir.startsWith(hybrid) ? hybrid : CgroupVersion.DEFAULT_ROOT;
    }
  }

  CadvisorStatsSource(HttpClient http, URI baseUrl, Query query, Duration timeout) {
    this.http = http;
    String base = baseUrl.toString().replaceAll("/+$", "");
    // cgroup names keep their slashes in the path: /api/v2.0/stats/optbench-docker/x?type=name
    String name =
        query.type().equals("name")
            ? query.name().substring(1)
            : URLEncoder.encode(query.name(), StandardCharsets.UTF_8);
    this.uri = URI.create(base + "/api/v2.0/stats/" + name + "?type=" + query.type() + "&count=1");
    this.timeout = timeout;
  }

  @Override
  public Optional<Reading> read() throws IOException {
    HttpResponse<byte[]> response;
    try {
      HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
      response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while polling " + uri);
    }
    if (response.statusCode() != 200) {
      String body = new String(response.body(), StandardCharsets.UTF_8).trim();
      // Once a container is removed cAdvisor answers 500 with "unable to find Docker container"
      // (type=docker) or "unknown container" (type=name); before the first reading that is an
      // error (wrong id), afterwards the normal end.
      if (seenOnce
          && (body.contains("unable to find Docker container")
              || body.contains("unknown container"))) {
        throw new SourceGoneException(body);
      }
      throw new IOException(
          "cAdvisor answered HTTP " + response.statusCode() + " to " + uri + ": " + body);
    }
    JsonNode json = JSON.readTree(response.body());
    Optional<Reading> reading = CadvisorStatsMapper.newest(json);
    if (reading.isEmpty() || reading.get().epochNanos() == lastTimestamp) {
      return Optional.empty();
    }
    seenOnce = true;
    lastTimestamp = reading.get().epochNanos();
    return reading;
  }

  @Override
  public String describe() {
    return "cAdvisor " + uri;
  }
}
