package dev.optbench.harness.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optbench.harness.runtime.SandboxLimits;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SmallPartsTest {
  @Test
  void outputTailKeepsTheLastBytes() {
    OutputTail tail = new OutputTail(8);
    tail.append("abc".getBytes(StandardCharsets.UTF_8));
    assertThat(tail.text()).isEqualTo("abc");
    tail.append("defghij".getBytes(StandardCharsets.UTF_8));
    assertThat(tail.text()).isEqualTo("cdefghij");
    tail.append("0123456789XY".getBytes(StandardCharsets.UTF_8));
    assertThat(tail.text()).isEqualTo("456789XY");
    tail.append("Z".getBytes(StandardCharsets.UTF_8));
    assertThat(tail.text()).isEqualTo("56789XYZ");
  }

  @Test
  void hostConfigIsolatesTheContainer() {
    var limits = new SandboxLimits("1", 256L << 20, Path.of("/data/work"), Map.of());
    var config = SandboxHostConfig.of(limits, true, false);
    assertThat(config.getNetworkMode()).isEqualTo("none");
    assertThat(config.getCapDrop()).extracting(Enum::name).containsExactly("ALL");
    assertThat(config.getSecurityOpts()).containsExactly("no-new-privileges");
    assertThat(config.getReadonlyRootfs()).isTrue();
    assertThat(config.getMemory()).isEqualTo(256L << 20);
    assertThat(config.getMemorySwap()).isEqualTo(256L << 20);
    assertThat(config.getCpusetCpus()).isEqualTo("1");
    assertThat(config.getPidsLimit()).isEqualTo(SandboxHostConfig.PIDS_LIMIT);
    assertThat(config.getTmpFs()).containsKey("/tmp");
    assertThat(config.getBinds()[0].getPath()).isEqualTo("/data/work");
    assertThat(config.getBinds()[0].getVolume().getPath()).isEqualTo("/work");
    assertThat(config.getCpuShares())
        .as("units in unit cgroups get the weight there, the container keeps the default")
        .isNull();
  }

  @Test
  void aRemoteEnginesContainerGetsNoBindOfTheHostWorkFolder() {
    var limits = new SandboxLimits("1", 256L << 20, Path.of("/data/work"), Map.of());
    var config = SandboxHostConfig.of(limits, false, true);
    assertThat(config.getBinds()).isNullOrEmpty();
    assertThat(config.getReadonlyRootfs()).isTrue();
    assertThat(config.getCpuShares()).as("docker's maximum").isEqualTo(262144);
  }

  @Test
  void aWorkFolderEntryIsNamedRelativeToWork() {
    assertThat(RemoteWorkFolder.relative("work/")).isEmpty();
    assertThat(RemoteWorkFolder.relative("work")).isEmpty();
    assertThat(RemoteWorkFolder.relative("work/out.mkv")).isEqualTo("out.mkv");
    assertThat(RemoteWorkFolder.relative("work/inputs/")).isEqualTo("inputs");
    assertThat(RemoteWorkFolder.relative("./work/a/b")).isEqualTo("a/b");
  }

  @Test
  void containerLabelsMarkTheContainerAndNameItsOwner() {
    var labels =
        ContainerLabels.forContainer("O2", Map.of("run", "r1", ContainerLabels.MANAGED, "no"));
    assertThat(labels)
        .containsEntry("run", "r1")
        .containsEntry(ContainerLabels.MANAGED, "true")
        .containsEntry(ContainerLabels.VARIANT, "O2")
        .containsEntry(ContainerLabels.OWNER_PID, Long.toString(ProcessHandle.current().pid()));
    assertThat(ContainerLabels.ownerAlive(labels)).isTrue();
  }

  @Test
  void ownersThatDiedOrBelongToAnEarlierBootAreDead() throws Exception {
    Process done = new ProcessBuilder("true").start();
    done.waitFor();
    var dead = new java.util.HashMap<>(ContainerLabels.forContainer("O2", Map.of()));
    dead.put(ContainerLabels.OWNER_PID, Long.toString(done.pid()));
    assertThat(ContainerLabels.ownerAlive(dead)).isFalse();

    var earlierBoot = new java.util.HashMap<>(ContainerLabels.forContainer("O2", Map.of()));
    earlierBoot.put(ContainerLabels.OWNER_BOOT_ID, "00000000-0000-0000-0000-000000000000");
    assertThat(ContainerLabels.ownerAlive(earlierBoot)).isFalse();

    var reusedPid = new java.util.HashMap<>(ContainerLabels.forContainer("O2", Map.of()));
    reusedPid.put(ContainerLabels.OWNER_START_TICKS, "1");
    assertThat(ContainerLabels.ownerAlive(reusedPid)).isFalse();

    var olderOptbench = new java.util.HashMap<>(ContainerLabels.forContainer("O2", Map.of()));
    olderOptbench.remove(ContainerLabels.OWNER_START_TICKS);
    assertThat(ContainerLabels.ownerAlive(olderOptbench)).as("no ticks: the instant").isTrue();
    olderOptbench.put(ContainerLabels.OWNER_STARTED, "2001-01-01T00:00:00Z");
    assertThat(ContainerLabels.ownerAlive(olderOptbench)).isFalse();

    var clockMoved = new java.util.HashMap<>(ContainerLabels.forContainer("O2", Map.of()));
    clockMoved.put(ContainerLabels.OWNER_STARTED, "2001-01-01T00:00:00Z");
    assertThat(ContainerLabels.ownerAlive(clockMoved))
        .as("same start ticks, another instant (the wall clock moved): the same owner")
        .isTrue();

    assertThat(ContainerLabels.ownerAlive(Map.of(ContainerLabels.MANAGED, "true")))
        .as("no owner labels: not ours to judge")
        .isTrue();
  }
}
