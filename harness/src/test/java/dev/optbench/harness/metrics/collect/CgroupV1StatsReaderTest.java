package dev.optbench.harness.metrics.collect;

import static dev.optbench.harness.metrics.MetricSchema.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fake /sys/fs/cgroup/{cpuacct,memory,blkio}/x trees with contents copied from a real v1 host. */
class CgroupV1StatsReaderTest {
  @TempDir Path root;

  private Path cpuacct;
  private Path memory;
  private Path blkio;

  private void writeTree(boolean withUsageUserSys) throws IOException {
    cpuacct = Files.createDirectories(root.resolve("cpuacct/optbench-x"));
    memory = Files.createDirectories(root.resolve("memory/optbench-x"));
    blkio = Files.createDirectories(root.resolve("blkio/optbench-x"));
    Files.writeString(cpuacct.resolve("cpuacct.usage"), "2000000000\n");
    if (withUsageUserSys) {
      Files.writeString(cpuacct.resolve("cpuacct.usage_user"), "1500000000\n");
      Files.writeString(cpuacct.resolve("cpuacct.usage_sys"), "500000000\n");
    }
    Files.writeString(cpuacct.resolve("cpuacct.stat"), "user 140\nsystem 60\n");
    Files.writeString(memory.resolve("memory.usage_in_bytes"), "104857600\n");
    Files.writeString(memory.resolve("memory.max_usage_in_bytes"), "209715200\n");
    Files.writeString(memory.resolve("memory.failcnt"), "3\n");
    Files.writeString(
        memory.resolve("memory.stat"),
        "cache 1000\nrss 2000\ninactive_file 10\n"
            + "total_cache 41943040\ntotal_rss 52428800\ntotal_inactive_file 20971520\n"
            + "total_active_file 1048576\n");
    Files.writeString(
        blkio.resolve("blkio.throttle.io_service_bytes"),
        "8:0 Read 4096\n8:0 Write 8192\n8:0 Sync 0\n8:0 Async 12288\n8:0 Total 12288\n"
            + "8:16 Read 1\n8:16 Write 2\n8:16 Total 3\nTotal 12291\n");
  }

  @Test
  void readsEveryCounterInSchemaUnits() throws IOException {
    writeTree(true);
    Map<String, Double> values = new CgroupV1StatsReader(cpuacct, memory, blkio).read();
    assertThat(values)
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
  void fallsBackToCpuacctStatTicksOnOldKernels() throws IOException {
    writeTree(false);
    Map<String, Double> values = new CgroupV1StatsReader(cpuacct, memory, null).read();
    assertThat(values).containsEntry(CPU_USAGE_USER, 1.4e9).containsEntry(CPU_USAGE_SYSTEM, 0.6e9);
    assertThat(values).doesNotContainKeys(FS_READ_BYTES, FS_WRITE_BYTES);
  }

  @Test
  void skipsACounterWhoseFileIsMissing() throws IOException {
    writeTree(true);
    Files.delete(memory.resolve("memory.failcnt"));
    assertThat(new CgroupV1StatsReader(cpuacct, memory, blkio).read())
        .doesNotContainKey(MEMORY_FAILCNT)
        .containsKey(MEMORY_USAGE);
  }

  @Test
  void saysTheCgroupIsGoneWhenItsFolderIs() throws IOException {
    writeTree(true);
    try (var files = Files.walk(cpuacct)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
    assertThatThrownBy(() -> new CgroupV1StatsReader(cpuacct, memory, blkio).read())
        .isInstanceOf(SourceGoneException.class)
        .hasMessageContaining(cpuacct.toString());
  }
}
