package dev.optbench.harness.metrics.collect;

import static dev.optbench.harness.metrics.MetricSchema.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Maps one cAdvisor {@code info/v2} ContainerStats object to a {@link Reading}. The v2 stats
 * endpoint answers {@code {"<container name>": [ContainerStats, ...]}}, oldest first; a
 * ContainerStats holds {@code timestamp} (RFC 3339, ns), {@code cpu.usage.{total,user,system}}
 * (cumulative ns), {@code memory.{usage,working_set,rss,cache,max_usage,failcnt}} (bytes) and
 * {@code diskio.io_service_bytes[].stats.{Read,Write}}. Sections are omitted when cAdvisor has no
 * data for them, so every field is optional.
 */
final class CadvisorStatsMapper {
  private CadvisorStatsMapper() {}

  /** The newest ContainerStats of the response, or empty if it holds none. */
  static Optional<Reading> newest(JsonNode response) {
    for (JsonNode statsList : response) {
      if (statsList.isArray() && statsList.size() > 0) {
        return Optional.of(map(statsList.get(statsList.size() - 1)));
      }
    }
    return Optional.empty();
  }

  static Reading map(JsonNode stats) {
    Instant time = Instant.parse(stats.path("timestamp").asText());
    Map<String, Double> values = new LinkedHashMap<>();
    JsonNode cpu = stats.path("cpu").path("usage");
    put(values, CPU_USAGE_TOTAL, cpu.path("total"));
    put(values, CPU_USAGE_USER, cpu.path("user"));
    put(values, CPU_USAGE_SYSTEM, cpu.path("system"));
    JsonNode memory = stats.path("memory");
    put(values, MEMORY_USAGE, memory.path("usage"));
    put(values, MEMORY_WORKING_SET, memory.path("working_set"));
    put(values, MEMORY_RSS, memory.path("rss"));
    put(values, MEMORY_CACHE, memory.path("cache"));
    put(values, MEMORY_MAX_USAGE, memory.path("max_usage"));
    put(values, MEMORY_FAILCNT, memory.path("failcnt"));
    JsonNode devices = stats.path("diskio").path("io_service_bytes");
    if (devices.isArray()) {
      double read = 0;
      double write = 0;
      for (JsonNode device : devices) {
        read += device.path("stats").path("Read").asDouble(0);
        write += device.path("stats").path("Write").asDouble(0);
      }
      values.put(FS_READ_BYTES, read);
      values.put(FS_WRITE_BYTES, write);
    }
    long nanos = time.getEpochSecond() * 1_000_000_000L + time.getNano();
    return new Reading(nanos, values);
  }

  private static void put(Map<String, Double> values, String name, JsonNode node) {
    if (node.isNumber()) {
      values.put(name, node.asDouble());
    }
  }
}
