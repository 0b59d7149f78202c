package dev.optbench.harness.cgroup;

import static dev.optbench.harness.metrics.ResourceUsage.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fake /sys/fs/cgroup/{cpuacct,memory,blkio}/x trees with contents copied from a real v1 host, read
 * the way collectors and runtimes read them: through {@link Cgroup#of}.
 */
class V1CgroupReadTest {
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
        memory.resolve("memory.oom_control"), "oom_kill_disable 0\nunder_oom 0\noom_kill 1\n");
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

  private Cgroup cgroup() {
    return Cgroup.of("x", Map.of("cpuacct", cpuacct, "memory", memory, "blkio", blkio));
  }

  @Test
  void readsEveryCounter() throws IOException {
    writeTree(true);
    assertThat(cgroup().read())
        .isEqualTo(
            new CgroupCounters(
                2_000_000_000L,
                1_500_000_000L,
                500_000_000L,
                104857600,
                104857600 - 20971520,
                52428800,
                41943040,
                209715200,
                4097,
                8194,
                1,
                3,
                UNKNOWN));
  }

  @Test
  void fallsBackToCpuacctStatTicksOnOldKernels() throws IOException {
    writeTree(false);
    CgroupCounters c = Cgroup.of("x", Map.of("cpu,cpuacct", cpuacct, "memory", memory)).read();
    assertThat(c.cpuUserNanos()).isEqualTo(1_400_000_000L);
    assertThat(c.cpuSystemNanos()).isEqualTo(600_000_000L);
    assertThat(c.ioReadBytes()).as("no blkio controller").isEqualTo(UNKNOWN);
  }

  @Test
  void aMissingFileIsAnUnknownCounterNotZero() throws IOException {
    writeTree(true);
    Files.delete(memory.resolve("memory.failcnt"));
    Files.delete(memory.resolve("memory.stat"));
    CgroupCounters c = cgroup().read();
    assertThat(c.limitHits()).isEqualTo(UNKNOWN);
    assertThat(c.memoryWorkingSetBytes()).isEqualTo(UNKNOWN);
    assertThat(c.memoryRssBytes()).isEqualTo(UNKNOWN);
    assertThat(c.memoryUsageBytes()).isEqualTo(104857600);
  }

  @Test
  void aValueThatIsNoNumberIsUnknownToo() throws IOException {
    writeTree(true);
    Files.writeString(memory.resolve("memory.failcnt"), "garbage\n");
    Files.writeString(blkio.resolve("blkio.throttle.io_service_bytes"), "8:0 Read x\n");
    CgroupCounters c = cgroup().read();
    assertThat(c.limitHits()).isEqualTo(UNKNOWN);
    assertThat(c.ioReadBytes()).isEqualTo(UNKNOWN);
    assertThat(c.cpuTotalNanos()).isEqualTo(2_000_000_000L);
  }

  @Test
  void aVanishedFolderSaysTheCgroupIsGone() throws IOException {
    writeTree(true);
    try (var files = Files.walk(cpuacct)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
    assertThatThrownBy(() -> cgroup().read())
        .isInstanceOf(CgroupGoneException.class)
        .hasMessageContaining(cpuacct.toString());
    assertThat(cgroup().pids()).as("a removed cgroup holds no processes").isEmpty();
  }

  @Test
  void aFolderWhoseCoreFilesAreGoneIsBeingRemoved() throws IOException {
    // rmdir drops a cgroup's files before its folder: a sample read in that window (CI saw one
    // with CPU but no memory values) must not pass for a whole one.
    writeTree(true);
    Files.delete(memory.resolve("memory.usage_in_bytes"));
    assertThatThrownBy(() -> cgroup().read())
        .isInstanceOf(CgroupGoneException.class)
        .hasMessageContaining("memory.usage_in_bytes");
  }

  @Test
  void picksTheVersionFromTheFolders() throws IOException {
    writeTree(true);
    Path v2 = Files.createDirectories(root.resolve("unified/x"));
    assertThat(Cgroup.of("x", Map.of("unified", v2))).isInstanceOf(V2Cgroup.class);
    assertThat(Cgroup.of("x", Map.of("unified", v2, "memory", memory)))
        .as("hybrid: v1 controllers, an empty unified hierarchy")
        .isInstanceOf(V1Cgroup.class);
    assertThatThrownBy(() -> Cgroup.of("x", Map.of())).hasMessageContaining("no cgroup folders");
  }
}
