package dev.optbench.harness.runner;

import static dev.optbench.harness.metrics.MetricSchema.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.optbench.harness.metrics.sink.InfluxSettings;
import dev.optbench.harness.model.VariantRef;
import dev.optbench.harness.runtime.docker.DockerEngine;
import dev.optbench.harness.runtime.docker.DockerRuntime;
import dev.optbench.harness.runtime.docker.TlsFiles;
import dev.optbench.harness.testing.FakeVariant;
import dev.optbench.harness.testing.InfluxTestDatabase;
import dev.optbench.harness.testing.Services;
import dev.optbench.harness.testing.TlsEngines;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Series from a remote engine: a dockerd in a network namespace of the test's own, reached over TLS
 * (so no cgroup file of its containers is read on this side), a unit that holds 64 MiB and burns 3
 * s of CPU, and the run's real sinks — the line-protocol file and the test InfluxDB. The points
 * must arrive in both, one a second from the engine's stats stream, tagged with the engine, the
 * variant and the unit, and their values must move as the unit does.
 */
class RemoteEngineSeriesIT {
  private static final long MIB = 1L << 20;

  /** One parsed line-protocol point. */
  private record Point(String measurement, Map<String, String> tags, double value, long nanos) {
    static Point parse(String line) {
      String[] parts = line.split(" ");
      String[] key = parts[0].split(",");
      Map<String, String> tags = new HashMap<>();
      for (int i = 1; i < key.length; i++) {
        String[] kv = key[i].split("=", 2);
        tags.put(kv[0], kv[1]);
      }
      double value = Double.parseDouble(parts[1].substring("value=".length()));
      return new Point(key[0], tags, value, Long.parseLong(parts[2]));
    }
  }

  @Test
  void aRemoteContainersSeriesArriveInTheFileAndInInfluxDbWithTheEngineTag() throws Exception {
    String influxUrl = Services.influxUrl();
    try (TlsEngines engines = TlsEngines.start("remote-series", 1);
        DockerEngine remote =
            DockerEngine.connect(engines.tcp(0), TlsFiles.inFolder(engines.certs().clientDir()));
        InfluxTestDatabase db = new InfluxTestDatabase(influxUrl)) {
      assertThat(remote.isLocal()).isFalse();
      VariantRef variant = FakeVariant.withImageOn(remote, engines.dir().resolve("variant"), "O2");
      Path samples = engines.dir().resolve("samples");
      RunSettings settings =
          new RunSettings(
                  "series-it",
                  "box",
                  "0",
                  256 * MIB,
                  Duration.ofMinutes(2),
                  Duration.ofMillis(100),
                  samples,
                  Optional.of(InfluxSettings.of(influxUrl, db.name())),
                  Optional.empty())
              .onEngine("b");
      Path work = Files.createDirectories(engines.dir().resolve("work"));
      RunAssembly assembly = new RunAssembly(new DockerRuntime(remote), settings);
      try (VariantSession session = assembly.open(variant, work, "O2@b")) {
        assertThat(session.target().cgroupDirs()).as("no host cgroup files: remote").isEmpty();
        UnitResult r =
            session.run(
                "burn",
                List.of(
                    List.of(FakeVariant.PROGRAM, "touch", "64", "cpu", "3000", "sleep", "1500")));
        assertThat(r.succeeded()).as(r.last().stderrTail()).isTrue();
      }

      List<Point> points = new ArrayList<>();
      for (String line : Files.readAllLines(samples.resolve("O2@b" + Sinks.LINE_PROTOCOL))) {
        points.add(Point.parse(line));
      }
      assertThat(points)
          .isNotEmpty()
          .allSatisfy(
              p ->
                  assertThat(p.tags())
                      .containsEntry(TAG_ENGINE, "b")
                      .containsEntry(TAG_VARIANT, "O2")
                      .containsEntry(TAG_RUN_ID, "series-it")
                      .containsKey(TAG_CONTAINER));
      List<Point> cpu =
          points.stream()
              .filter(p -> p.measurement().equals(CPU_USAGE_TOTAL))
              .filter(p -> "burn".equals(p.tags().get(TAG_UNIT)))
              .toList();
      // ~4.5 s of unit, one entry a second from the engine (a late first entry costs one)
      assertThat(cpu).as("cpu points during the unit").hasSizeBetween(3, 8);
      for (int i = 1; i < cpu.size(); i++) {
        assertThat(cpu.get(i).value())
            .as("cumulative")
            .isGreaterThanOrEqualTo(cpu.get(i - 1).value());
        long gapMs = (cpu.get(i).nanos() - cpu.get(i - 1).nanos()) / 1_000_000;
        assertThat(gapMs)
            .as("the engine's tick, never the same entry twice")
            .isBetween(500L, 2500L);
      }
      double burned = cpu.get(cpu.size() - 1).value() - cpu.get(0).value();
      assertThat(burned).as("CPU ns seen growing across the unit").isBetween(1.5e9, 4.0e9);
      double peakUsage =
          points.stream()
              .filter(p -> p.measurement().equals(MEMORY_USAGE))
              .filter(p -> "burn".equals(p.tags().get(TAG_UNIT)))
              .mapToDouble(Point::value)
              .max()
              .orElse(0);
      assertThat(peakUsage).as("the 64 MiB the unit holds").isBetween(64.0 * MIB, 256.0 * MIB);
      assertThat(points.stream().map(Point::measurement).distinct())
          .contains(CPU_USAGE_USER, CPU_USAGE_SYSTEM, MEMORY_WORKING_SET);

      // The same points through influxdb-java, queried back by the engine tag.
      long inFile = points.stream().filter(p -> p.measurement().equals(CPU_USAGE_TOTAL)).count();
      assertThat(db.count(CPU_USAGE_TOTAL, "\"engine\" = 'b'")).isEqualTo(inFile);
      List<List<Object>> max =
          db.rows(
              "SELECT max(\"value\") FROM \""
                  + MEMORY_USAGE
                  + "\" WHERE \"engine\" = 'b' AND \"unit\" = 'burn'");
      assertThat(((Number) max.get(0).get(1)).doubleValue()).isEqualTo(peakUsage);
      System.out.printf(
          "RemoteEngineSeriesIT: %d points, %d cpu points during the unit, %.2f s CPU seen,"
              + " memory_usage max %.1f MiB%n",
          points.size(), cpu.size(), burned / 1e9, peakUsage / MIB);
    }
  }
}
