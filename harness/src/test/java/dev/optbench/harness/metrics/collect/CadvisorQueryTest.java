package dev.optbench.harness.metrics.collect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optbench.harness.metrics.MeasurementTarget;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which cAdvisor container a sandbox is: its cgroup name, or its Docker id without one. */
class CadvisorQueryTest {
  private static final Path ROOT = Path.of("/sys/fs/cgroup");

  @Test
  void aDockerSandboxOnV1IsItsParentCgroupWhereTheUnitsRun() {
    var target =
        new MeasurementTarget(
            "optbench-o2-1",
            Optional.of("abc"),
            Map.of(
                "memory", ROOT.resolve("memory/optbench-docker/optbench-o2-1"),
                "pids", ROOT.resolve("pids/optbench-docker/optbench-o2-1/abc")));
    assertThat(CadvisorStatsSource.Query.of(target))
        .isEqualTo(new CadvisorStatsSource.Query("/optbench-docker/optbench-o2-1", "name"));
  }

  @Test
  void aCgroupSandboxOnV2IsItsUnifiedPath() {
    var target =
        new MeasurementTarget(
            "optbench/r/O2", Optional.empty(), Map.of("unified", ROOT.resolve("optbench/r/O2")));
    assertThat(CadvisorStatsSource.Query.of(target))
        .isEqualTo(new CadvisorStatsSource.Query("/optbench/r/O2", "name"));
  }

  @Test
  void withoutHostCgroupsTheDockerIdIsAskedFor() {
    var remote = new MeasurementTarget("optbench-o2-1", Optional.of("abc"), Map.of());
    assertThat(CadvisorStatsSource.Query.of(remote))
        .isEqualTo(new CadvisorStatsSource.Query("abc", "docker"));
  }
}
