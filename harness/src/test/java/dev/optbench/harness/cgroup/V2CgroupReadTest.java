package dev.optbench.harness.cgroup;

import static dev.optbench.harness.metrics.ResourceUsage.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A fake /sys/fs/cgroup/system.slice/x.scope folder in the cgroup v2 format. */
class V2CgroupReadTest {
  @TempDir Path root;
  private Path dir;

  @BeforeEach
  void writeTree() throws IOException {
    dir = Files.createDirectories(root.resolve("system.slice/optbench-x.scope"));
    Files.writeString(
        dir.resolve("cpu.stat"),
        "usage_usec 2000000\nuser_usec 1500000\nsystem_usec 500000\n"
            + "nr_periods 0\nnr_throttled 0\nthrottled_usec 0\n");
    Files.writeString(
        dir.resolve("cpu.pressure"),
        "some avg10=0.00 avg60=0.00 avg300=0.00 total=7500\n"
            + "full avg10=0.00 avg60=0.00 avg300=0.00 total=2500\n");
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

  private CgroupCounters read() {
    return Cgroup.of("x", Map.of("unified", dir)).read();
  }

  @Test
  void readsEveryCounter() {
    assertThat(read())
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
                7_500_000L));
  }

  @Test
  void theWaitIsUnknownWithoutPressureAccountingNotZero() throws IOException {
    Files.delete(dir.resolve("cpu.pressure"));
    assertThat(read().cpuWaitNanos()).isEqualTo(UNKNOWN);
    assertThat(read().cpuWaitOr(42)).as("the main thread's run delay then").isEqualTo(42);
  }

  @Test
  void memoryPeakIsUnknownOnKernelsWithoutIt() throws IOException {
    Files.delete(dir.resolve("memory.peak"));
    assertThat(read().memoryPeakBytes()).isEqualTo(UNKNOWN);
    assertThat(read().memoryUsageBytes()).isEqualTo(104857600);
  }

  @Test
  void aMissingIoStatIsUnknownNotZero() throws IOException {
    Files.delete(dir.resolve("io.stat"));
    assertThat(read().ioReadBytes()).isEqualTo(UNKNOWN);
    assertThat(read().ioWriteBytes()).isEqualTo(UNKNOWN);
  }

  @Test
  void aValueThatIsNoNumberIsUnknown() throws IOException {
    Files.writeString(dir.resolve("io.stat"), "8:0 rbytes=x wbytes=1\n");
    Files.writeString(dir.resolve("memory.current"), "max\n");
    assertThat(read().ioReadBytes()).isEqualTo(UNKNOWN);
    assertThat(read().memoryUsageBytes()).isEqualTo(UNKNOWN);
    assertThat(read().memoryWorkingSetBytes()).isEqualTo(UNKNOWN);
  }

  @Test
  void aVanishedFolderSaysTheCgroupIsGone() {
    Path missing = root.resolve("system.slice/removed.scope");
    Cgroup gone = Cgroup.of("x", Map.of("unified", missing));
    assertThatThrownBy(gone::read).isInstanceOf(CgroupGoneException.class);
    assertThat(gone.pids()).isEmpty();
  }

  @Test
  void aFolderWithoutCpuStatIsBeingRemoved() throws IOException {
    Files.delete(dir.resolve("cpu.stat")); // every v2 cgroup has it, with or without the controller
    assertThatThrownBy(() -> Cgroup.of("x", Map.of("unified", dir)).read())
        .isInstanceOf(CgroupGoneException.class)
        .hasMessageContaining("cpu.stat");
  }
}
