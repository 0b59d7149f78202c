package dev.optbench.harness.metrics.collect;

import static dev.optbench.harness.metrics.MetricSchema.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.optbench.harness.runtime.MeasurementTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A fake /sys/fs/cgroup/system.slice/x.scope folder in the cgroup v2 format. */
class CgroupV2StatsReaderTest {
  @TempDir Path root;
  private Path dir;

  @BeforeEach
  void writeTree() throws IOException {
    dir = Files.createDirectories(root.resolve("system.slice/optbench-x.scope"));
    Files.writeString(
        dir.resolve("cpu.stat"),
        "usage_usec 2000000\nuser_usec 1500000\nsystem_usec 500000\n"
            + "nr_periods 0\nnr_throttled 0\nthrottled_usec 0\n");
    Files.writeString(dir.resolve("memory.current"), "104857600\n");
    Files.writeString(dir.resolve("memory.peak"), "209715200\n");
    Files.writeString(
        dir.resolve("memory.stat"),
        "anon 52428800\nfile 41943040\nkernel_stack 16384\nactive_file 1048576\n"
            + "inactive_file 20971520\nanon_thp 0\n");
    Files.writeString(
        dir.resolve("memory.events"),
        "low 0\nhigh 0\nmax 3\noom 1\noom_kill 1\noom_group_kill 0\n");
    Files.writeString(
        dir.resolve("io.stat"),
        "8:0 rbytes=4096 wbytes=8192 rios=1 wios=2 dbytes=0 dios=0\n"
            + "8:16 rbytes=1 wbytes=2 rios=1 wios=1 dbytes=0 dios=0\n");
  }

  @Test
  void readsEveryCounterInSchemaUnits() throws IOException {
    assertThat(new CgroupV2StatsReader(dir).read())
        .containsEntry(CPU_USAGE_TOTAL, 2e9)
        .containsEntry(CPU_USAGE_USER, 1.5e9)
        .containsEntry(CPU_USAGE_SYSTEM, 0.5e9)
        .containsEntry(MEMORY_USAGE, 104857600.0)
        .containsEntry(MEMORY_WORKING_SET, 104857600.0 - 20971520)
        .containsEntry(MEMORY_RSS, 52428800.0)
        .containsEntry(MEMORY_CACHE, 41943040.0)
        .containsEntry(MEMORY_MAX_USAGE, 209715200.0)
        .containsEntry(MEMORY_FAILCNT, 3.0)
        .containsEntry(FS_READ_BYTES, 4097.0)
        .containsEntry(FS_WRITE_BYTES, 8194.0);
  }

  @Test
  void leavesOutMemoryPeakOnKernelsWithoutIt() throws IOException {
    Files.delete(dir.resolve("memory.peak"));
    assertThat(new CgroupV2StatsReader(dir).read()).doesNotContainKey(MEMORY_MAX_USAGE);
  }

  @Test
  void saysTheCgroupIsGoneWhenItsFolderIs() throws IOException {
    Path missing = root.resolve("system.slice/removed.scope");
    assertThatThrownBy(() -> new CgroupV2StatsReader(missing).read())
        .isInstanceOf(SourceGoneException.class);
  }

  @Test
  void picksTheReaderFromTheTargetsFolders() {
    var v2 = new MeasurementTarget("x", Optional.empty(), Map.of("unified", dir));
    var v1 = new MeasurementTarget("x", Optional.empty(), Map.of("unified", dir, "memory", dir));
    var none = new MeasurementTarget("x", Optional.empty(), Map.of());
    assertThat(CgroupStatsReader.forTarget(v2)).isInstanceOf(CgroupV2StatsReader.class);
    assertThat(CgroupStatsReader.forTarget(v1)).isInstanceOf(CgroupV1StatsReader.class);
    assertThatThrownBy(() -> CgroupStatsReader.forTarget(none))
        .hasMessageContaining("not the process one");
  }
}
