package dev.optbench.harness.metrics.collect;

import static dev.optbench.harness.metrics.MetricSchema.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.model.Statistics;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The engine's stats entries to the schema's measurements, on recorded entries: one that Docker
 * 20.10.24 sent here (cgroup v1, a container running {@code burner cpu}), one in the shape a cgroup
 * v2 engine sends (moby's v2 stats: {@code anon}/{@code file} keys, lower-case I/O ops, no
 * max_usage), and the zero entry of a container that is not running.
 */
class DockerStatsMapperTest {
  private static final ObjectMapper JSON =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private static Statistics load(String name) throws IOException {
    try (InputStream in = DockerStatsMapperTest.class.getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      return JSON.readValue(in, Statistics.class);
    }
  }

  @Test
  void aCgroupV1EntryGivesEveryMeasurementInTheCgroupCollectorsUnits() throws IOException {
    Reading r = DockerStatsMapper.map(load("docker-stats-20.10-cgroup-v1.json")).orElseThrow();

    assertThat(r.epochNanos())
        .as("the engine's read time, to the nanosecond")
        .isEqualTo(
            Instant.parse("2026-12-07T16:12:27Z").getEpochSecond() * 1_000_000_000L + 88945351);
    assertThat(r.values())
        .containsOnly(
            entry(CPU_USAGE_TOTAL, 2372657164d),
            entry(CPU_USAGE_USER, 2320000000d),
            entry(CPU_USAGE_SYSTEM, 40000000d),
            entry(MEMORY_USAGE, 585728d),
            entry(MEMORY_WORKING_SET, 585728d), // total_inactive_file is 0
            entry(MEMORY_RSS, 49152d),
            entry(MEMORY_CACHE, 0d),
            entry(MEMORY_MAX_USAGE, 3821568d),
            entry(MEMORY_FAILCNT, 0d), // omitted by the engine when 0
            entry(FS_READ_BYTES, 0d), // an empty list on v1: nothing read through the block layer
            entry(FS_WRITE_BYTES, 0d));
    assertThat(r.values().keySet()).isSubsetOf(MEASUREMENTS);
  }

  @Test
  void aCgroupV2EntryLeavesOutWhatTheApiDoesNotCarry() throws IOException {
    Reading r = DockerStatsMapper.map(load("docker-stats-cgroup-v2.json")).orElseThrow();

    assertThat(r.values())
        .containsOnly(
            entry(CPU_USAGE_TOTAL, 1500250000d),
            entry(CPU_USAGE_USER, 1250250000d),
            entry(CPU_USAGE_SYSTEM, 250000000d),
            entry(MEMORY_USAGE, 70254592d),
            entry(MEMORY_WORKING_SET, 70254592d - 1048576d), // usage - inactive_file
            entry(FS_READ_BYTES, 4096d + 8192d), // summed over devices, lower-case ops
            entry(FS_WRITE_BYTES, 1048576d));
    assertThat(r.values())
        .as("v2: no peak or limit-hit counter in the API; anon/file have no docker-java field")
        .doesNotContainKeys(MEMORY_MAX_USAGE, MEMORY_FAILCNT, MEMORY_RSS, MEMORY_CACHE);
  }

  @Test
  void theZeroEntryOfAContainerThatIsNotRunningIsNoReading() throws IOException {
    Statistics stopped = load("docker-stats-not-running.json");

    assertThat(DockerStatsMapper.readTime(stopped)).isEmpty();
    assertThat(DockerStatsMapper.map(stopped)).isEmpty();
  }

  @Test
  void anEntryWithoutSectionsIsNoReadingRatherThanZeros() {
    Statistics empty = new Statistics();

    assertThat(DockerStatsMapper.map(empty)).isEmpty();
  }
}
