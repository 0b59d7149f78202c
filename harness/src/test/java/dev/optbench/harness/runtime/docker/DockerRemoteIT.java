package dev.optbench.harness.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.github.dockerjava.api.command.InspectContainerResponse;
import dev.optbench.harness.metrics.ResourceUsage;
import dev.optbench.harness.model.VariantRef;
import dev.optbench.harness.runtime.Execution;
import dev.optbench.harness.runtime.Sandbox;
import dev.optbench.harness.runtime.SandboxLimits;
import dev.optbench.harness.testing.FakeVariant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The remote path against the local one on the same unit, same image, same daemon: one dockerd in a
 * network namespace of the test's own, reached over TLS on tcp:// (not local: work folder through
 * the API, totals from optbench-exec inside the container) and over its unix socket (local: bind of
 * the work folder, the unit's own cgroup read on the host). The engine shares this machine's file
 * system, so the test asserts the host work folder was not mounted: the files reached the unit and
 * came back through the archive API only.
 */
class DockerRemoteIT {
  private static final long MIB = 1L << 20;
  private static final Duration T = Duration.ofSeconds(120);
  private static final List<String> UNIT =
      List.of(FakeVariant.PROGRAM, "cpu", "1500", "touch", "64");

  private static RemoteTestEngine engines;
  private static DockerEngine local;
  private static DockerEngine remote;
  private static Path dir;
  private static VariantRef variant;

  @BeforeAll
  static void startAnEngineInANamespace() throws Exception {
    engines = RemoteTestEngine.start("remote-it");
    local = engines.local();
    remote = engines.remote();
    dir = engines.dir();
    assertThat(local.isLocal()).isTrue();
    assertThat(remote.isLocal()).isFalse();
    variant = FakeVariant.withImageOn(remote, dir.resolve("variant"), "remote-it");
  }

  @AfterAll
  static void tearDown() throws Exception {
    if (engines != null) {
      engines.close();
    }
  }

  private static Sandbox open(DockerEngine engine, Path work) {
    return new DockerRuntime(engine)
        .open(variant, new SandboxLimits("0", 256 * MIB, work, Map.of()));
  }

  @Test
  void aUnitOnARemoteEngineGetsItsInputsGivesBackItsOutputsAndMeasuresAsTheLocalPath()
      throws Exception {
    Path work = Files.createDirectories(dir.resolve("work-remote"));
    Files.write(work.resolve("in.bin"), new byte[(int) MIB]);
    List<ResourceUsage> remoteRuns = new ArrayList<>();
    List<ResourceUsage> localRuns = new ArrayList<>();
    try (Sandbox remoteBox = open(remote, work);
        Sandbox localBox = open(local, Files.createDirectories(dir.resolve("work-local")))) {
      InspectContainerResponse inspect =
          remote
              .client()
              .inspectContainerCmd(remoteBox.target().containerId().orElseThrow())
              .exec();
      assertThat(inspect.getMounts())
          .as("the host work folder must not be mounted on a remote engine")
          .noneSatisfy(m -> assertThat(m.getSource()).startsWith(work.toString()))
          .anySatisfy(
              m -> {
                assertThat(m.getDestination().getPath()).isEqualTo("/work");
                assertThat(m.getName())
                    .as("an anonymous volume has a name, a bind none")
                    .isNotBlank();
                assertThat(m.getDriver()).isEqualTo("local");
              });

      Execution io =
          remoteBox.run(List.of(FakeVariant.PROGRAM, "dread", "in.bin", "write", "out.txt"), T);
      assertThat(io.usage().exitCode()).as(io.stderrTail()).isZero();
      assertThat(Files.readString(work.resolve("out.txt"))).isEqualTo("x");
      assertThat(work.resolve("in.bin")).hasSize(MIB);
      Files.delete(work.resolve("out.txt")); // as a caller resets the folder between invocations
      Execution again = remoteBox.run(List.of(FakeVariant.PROGRAM, "write", "out2.txt"), T);
      assertThat(again.usage().exitCode()).isZero();
      assertThat(work.resolve("out.txt")).doesNotExist();
      assertThat(work.resolve("out2.txt")).hasContent("x");

      ResourceUsage oom = remoteBox.run(List.of(FakeVariant.PROGRAM, "touch", "400"), T).usage();
      assertThat(oom.oomKilled()).as(oom.toString()).isTrue();
      assertThat(oom.signal()).isEqualTo(9);

      // interleaved, so machine load drifts over both paths alike
      long remoteRound = 0;
      long localRound = 0;
      for (int i = 0; i < 3; i++) {
        long t0 = System.nanoTime();
        remoteRuns.add(remoteBox.run(UNIT, T).usage());
        long t1 = System.nanoTime();
        localRuns.add(localBox.run(UNIT, T).usage());
        remoteRound += t1 - t0 - remoteRuns.get(i).wallNanos();
        localRound += System.nanoTime() - t1 - localRuns.get(i).wallNanos();
      }
      // what a unit costs around its own wall time: exec round trip, plus on the remote path
      // the work folder's manifest, download and (when changed) upload, over TLS
      System.out.printf(
          "DockerRemoteIT: per unit beyond its wall time: remote %.0f ms, local %.0f ms"
              + " (work folder: 1 MiB input + 2 small files)%n",
          remoteRound / 3e6, localRound / 3e6);
    }
    remoteRuns.forEach(u -> System.out.println("remote " + u));
    localRuns.forEach(u -> System.out.println("local  " + u));
    double remoteCpu = median(remoteRuns.stream().map(ResourceUsage::cpuTotalNanos).toList());
    double localCpu = median(localRuns.stream().map(ResourceUsage::cpuTotalNanos).toList());
    System.out.printf(
        "DockerRemoteIT: median CPU remote %.1f ms, local %.1f ms, remote/local %.4f%n",
        remoteCpu / 1e6, localCpu / 1e6, remoteCpu / localCpu);
    for (ResourceUsage u : remoteRuns) {
      assertThat(u.source()).startsWith("docker-remote/cgroup-v");
      assertThat(u.exitCode()).isZero();
      assertThat(u.wallNanos()).isPositive();
      assertThat(u.memoryPeakBytes()).isBetween(64 * MIB, 128 * MIB);
      assertThat(u.cpuUserNanos() + u.cpuSystemNanos()).isEqualTo(u.cpuTotalNanos());
    }
    assertThat(localRuns).allSatisfy(u -> assertThat(u.source()).startsWith("docker/cgroup-v"));
    assertThat(remoteCpu / localCpu).isCloseTo(1.0, within(0.03));
  }

  /**
   * Issue 13 on a remote engine: the host's cgroup files are not ours there, so the top CPU weight
   * goes through the API. The engine runs on this machine, so its cgroup file is read back too.
   */
  @Test
  void aRemoteEnginesContainerGetsTheTopCpuWeightThroughTheApi() throws Exception {
    try (Sandbox remoteBox = open(remote, Files.createDirectories(dir.resolve("work-weight-r")));
        Sandbox localBox = open(local, Files.createDirectories(dir.resolve("work-weight-l")))) {
      InspectContainerResponse r =
          remote
              .client()
              .inspectContainerCmd(remoteBox.target().containerId().orElseThrow())
              .exec();
      assertThat(r.getHostConfig().getCpuShares()).isEqualTo(262144);
      String weight = cpuWeightFile(r.getState().getPidLong());
      assertThat(weight).as("cpu.shares (v1) or cpu.weight (v2)").isIn("262144", "10000");
      System.out.println("DockerRemoteIT: remote container's cgroup weight " + weight);

      InspectContainerResponse l =
          local.client().inspectContainerCmd(localBox.target().containerId().orElseThrow()).exec();
      assertThat(l.getHostConfig().getCpuShares())
          .as("locally the units' own cgroups carry the weight (written on the host)")
          .isIn(null, 0);
    }
  }

  /** The cpu.shares (v1) or cpu.weight (v2) file of {@code pid}'s cgroup, read on this machine. */
  private static String cpuWeightFile(long pid) throws java.io.IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "cgroup"))) {
      String[] f = line.split(":", 3);
      if (f[1].isEmpty()) {
        return Files.readString(Path.of("/sys/fs/cgroup" + f[2], "cpu.weight")).strip();
      }
      if (List.of(f[1].split(",")).contains("cpu")) {
        return Files.readString(Path.of("/sys/fs/cgroup/cpu" + f[2], "cpu.shares")).strip();
      }
    }
    throw new AssertionError("no cpu cgroup for pid " + pid);
  }

  private static double median(List<Long> values) {
    List<Long> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }
}
