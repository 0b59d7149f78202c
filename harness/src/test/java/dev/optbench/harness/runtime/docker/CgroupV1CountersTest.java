package dev.optbench.harness.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fake cgroup folders with the kernel's file formats, as recorded on the build machine. */
class CgroupV1CountersTest {
  @TempDir Path root;

  @Test
  void readsASnapshotAndResetsThePeak() throws Exception {
    Path cpu = dir("cpuacct");
    Files.writeString(cpu.resolve("cpuacct.usage"), "2041168598\n");
    Files.writeString(cpu.resolve("cpuacct.usage_user"), "2000000000\n");
    Files.writeString(cpu.resolve("cpuacct.usage_sys"), "41168598\n");
    Path mem = dir("memory");
    Files.writeString(mem.resolve("memory.max_usage_in_bytes"), "68038656\n");
    Files.writeString(mem.resolve("memory.failcnt"), "3\n");
    Files.writeString(
        mem.resolve("memory.oom_control"), "oom_kill_disable 0\nunder_oom 0\noom_kill 2\n");
    Path blk = dir("blkio");
    Files.writeString(
        blk.resolve("blkio.throttle.io_service_bytes"),
        "8:0 Read 4096\n8:0 Write 8192\n8:0 Sync 0\n8:0 Async 12288\n8:0 Total 12288\n"
            + "8:16 Read 1\n8:16 Write 2\n8:16 Total 3\nTotal 12291\n");

    var counters =
        CgroupV1Counters.of(Map.of("cpuacct", cpu, "memory", mem, "blkio", blk)).orElseThrow();
    var s = counters.snapshot();
    assertThat(s.cpuTotalNanos()).isEqualTo(2041168598L);
    assertThat(s.cpuUserNanos()).isEqualTo(2000000000L);
    assertThat(s.cpuSystemNanos()).isEqualTo(41168598L);
    assertThat(s.ioReadBytes()).isEqualTo(4097);
    assertThat(s.ioWriteBytes()).isEqualTo(8194);
    assertThat(s.oomKills()).isEqualTo(2);
    assertThat(s.memoryFailures()).isEqualTo(3);
    assertThat(counters.peakBytes()).isEqualTo(68038656L);
    counters.resetPeak();
    assertThat(Files.readString(mem.resolve("memory.max_usage_in_bytes"))).isEqualTo("0");
  }

  @Test
  void isEmptyWhenAControllerIsMissing() throws Exception {
    assertThat(CgroupV1Counters.of(Map.of("memory", dir("memory")))).isEmpty();
  }

  @Test
  void oldKernelsWithoutAnOomKillLineCountZero() {
    assertThat(CgroupV1Counters.parseOomKills(List.of("oom_kill_disable 0", "under_oom 0")))
        .isZero();
  }

  private Path dir(String controller) throws Exception {
    return Files.createDirectories(root.resolve(controller));
  }
}
