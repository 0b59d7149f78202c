package dev.optbench.harness.runtime.cgroup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optbench.harness.cgroup.Cgroup;
import dev.optbench.harness.cgroup.CgroupCounters;
import dev.optbench.harness.cgroup.CgroupFs;
import dev.optbench.harness.cgroup.CgroupSettings;
import dev.optbench.harness.cgroup.CgroupVersion;
import dev.optbench.harness.cgroup.CpusetReservation;
import dev.optbench.harness.exec.ExecHelper;
import dev.optbench.harness.metrics.MetricSchema;
import dev.optbench.harness.metrics.ResourceUsage;
import dev.optbench.harness.model.VariantRef;
import dev.optbench.harness.reservation.CoreReservation;
import dev.optbench.harness.runtime.Sandbox;
import dev.optbench.harness.runtime.SandboxLimits;
import dev.optbench.harness.testing.FakeVariant;
import dev.optbench.harness.testing.Services;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * cpu.wait on real parts: a single-threaded burner pinned to CPU 0, alone and beside a busy loop
 * pinned to the same CPU. A measurement with generous bounds, not a timing test: the machine's
 * other work adds wait too, but far less than a co-runner of the unit's own weight, which takes
 * about half of the CPU.
 */
class CgroupContentionIT {
  private static final String BUSY_LOOP = "while :; do :; done";
  private static final List<String> BURN = List.of(FakeVariant.PROGRAM, "cpu", "800");

  @TempDir Path temp;
  private CgroupFs fs;
  private Sandbox sandbox;
  private String runId;
  private Process coRunner;
  private Cgroup coRunnerGroup;

  @BeforeEach
  void open() throws Exception {
    CgroupRuntimeProvider provider = new CgroupRuntimeProvider();
    if (!provider.availability().available()) {
      Services.missing("cgroup runtime: " + provider.availability().reason());
    }
    fs = CgroupFs.detect(CgroupVersion.DEFAULT_ROOT).orElseThrow();
    VariantRef variant = FakeVariant.create(temp, "wait");
    Path work = Files.createDirectories(temp.resolve("work"));
    runId = "wait-" + UUID.randomUUID().toString().substring(0, 8);
    SandboxLimits limits =
        new SandboxLimits("0", 256L << 20, work, Map.of(MetricSchema.TAG_RUN_ID, runId));
    sandbox = provider.create().open(variant, limits);
  }

  @AfterEach
  void close() {
    stopCoRunner();
    if (sandbox != null) {
      sandbox.close();
    }
  }

  @Test
  void aCoRunnerOfEqualWeightShowsAsWaitAndTheTopWeightKeepsAnOrdinaryOneOut() throws Exception {
    ResourceUsage alone = burn();
    if (alone.cpuWaitNanos() == ResourceUsage.UNKNOWN) {
      Services.missing("/proc/<pid>/schedstat (a kernel with CONFIG_SCHED_INFO)");
    }
    // A sibling cgroup with the unit's own top weight: the scheduler shares CPU 0 evenly.
    startEqualWeightCoRunner();
    ResourceUsage equal = burn();
    stopCoRunner();

    // An ordinary busy loop (this JVM's cgroup, default weight): the weight keeps it out.
    coRunner = new ProcessBuilder("taskset", "-c", "0", "sh", "-c", BUSY_LOOP).start();
    ResourceUsage ordinary = burn();
    stopCoRunner();

    System.out.printf(
        "cpu.wait / wall: alone %.1f %%, equal-weight co-runner %.1f %%, default-weight %.1f %%"
            + " (load %.2f)%n",
        share(alone), share(equal), share(ordinary), loadAverage());
    assertThat(share(equal)).isGreaterThan(20);
    assertThat(share(alone)).isLessThan(share(equal) / 2);
    assertThat(share(ordinary)).isLessThan(share(equal) / 2);
  }

  /**
   * Issue 13 item 4: a co-runner the weight cannot keep out (its own cgroup at the top weight,
   * outside optbench's, pinned to CPU 0) takes about half the CPU; the core reservation moves it
   * off CPU 0, exactly, and the unit then neither waits nor takes longer than beside it.
   */
  @Test
  void theCoreReservationMovesACoRunnerTheWeightCannotKeepOut() throws Exception {
    if (Runtime.getRuntime().availableProcessors() < 2) {
      Services.missing("two CPUs (one reserved, one for the rest)");
    }
    ResourceUsage alone = burn();
    if (alone.cpuWaitNanos() == ResourceUsage.UNKNOWN) {
      Services.missing("/proc/<pid>/schedstat (a kernel with CONFIG_SCHED_INFO)");
    }
    coRunnerGroup = fs.create("it-co-runner-" + runId, CgroupSettings.inherit());
    List<String> argv = new ArrayList<>(List.of(helper().toString()));
    for (Path procs : coRunnerGroup.procsFiles()) {
      argv.addAll(List.of("--cgroup-procs", procs.toString()));
    }
    argv.addAll(List.of("--", "taskset", "-c", "0", "sh", "-c", BUSY_LOOP));
    coRunner = new ProcessBuilder(argv).redirectErrorStream(true).start();
    ResourceUsage unprotected = burn();
    ResourceUsage reserved;
    try (CoreReservation r =
        CoreReservation.reserve("0", Files.createDirectories(temp.resolve("state")))) {
      assertThat(r.state().shrunk())
          .extracting(CpusetReservation.Shrunk::path)
          .contains(coRunnerGroup.path());
      // the mechanism, exactly: the busy loop (pinned to CPU 0 by taskset) may no longer use it
      for (long pid : coRunner.descendants().map(ProcessHandle::pid).toList()) {
        assertThat(allowedCpus(pid))
            .as("co-runner process %d during the reservation", pid)
            .doesNotContain("0");
      }
      reserved = burn();
    }
    stopCoRunner();
    System.out.printf(
        "cpu.wait / wall beside a top-weight co-runner: without reservation %.1f %%, with %.1f %%;"
            + " wall %.0f ms vs %.0f ms (load %.2f)%n",
        share(unprotected),
        share(reserved),
        unprotected.wallNanos() / 1e6,
        reserved.wallNanos() / 1e6,
        loadAverage());
    assertThat(share(unprotected)).isGreaterThan(20);
    // The effect on the unit: optbench-exec forks it from the sandbox's helper leaf, on the
    // reserved CPU, so neither the unit nor the clock waits behind the moved co-runner. Before
    // that (the fork among the host's other processes) CI measured 30 % wait and 2.4 s wall
    // with the reservation vs 49 % and 1.6 s without; generous bounds, the machine's other work
    // also lands on CPU 0 between units.
    assertThat(share(reserved)).isLessThan(share(unprotected) / 2);
    assertThat(reserved.wallNanos()).isLessThan(unprotected.wallNanos() * 3 / 4);
  }

  /**
   * Worker threads' waits count where the unit's cgroup counts them (v2 {@code cpu.pressure}): two
   * threads burn on CPU 0 while the main thread sleeps in join, so the main thread's own run delay
   * (all that v1 without schedstats has) stays near 0 whatever else runs. Alone, the two threads
   * wait behind each other, which is the unit's own work and must not count; beside a co-runner of
   * equal weight they get half the CPU, and that wait must.
   */
  @Test
  void workerThreadsWaitBesideACoRunnerCountsWhereTheCgroupCountsIt() throws Exception {
    ResourceUsage alone = threads();
    CgroupCounters probe =
        fs.create("optbench/" + runId + "/probe", CgroupSettings.inherit()).read();
    fs.remove("optbench/" + runId + "/probe");
    Assumptions.assumeTrue(
        probe.cpuWaitNanos() != ResourceUsage.UNKNOWN,
        "this kernel counts no cgroup-wide wait (v1 without schedstats, or no PSI): cpu.wait is"
            + " the main thread's run delay, which misses worker threads (said in the README)");
    startEqualWeightCoRunner();
    ResourceUsage beside = threads();
    stopCoRunner();
    System.out.printf(
        "two worker threads: cpu.wait / wall alone %.1f %% (raw %.1f %%), beside an equal-weight"
            + " co-runner %.1f %% (raw %.1f %%), load %.2f%n",
        contention(alone), share(alone), contention(beside), share(beside), loadAverage());
    assertThat(contention(beside)).isGreaterThan(20);
    assertThat(contention(alone)).isLessThan(contention(beside) / 2);
  }

  private ResourceUsage threads() {
    ResourceUsage u =
        sandbox
            .run(List.of(FakeVariant.PROGRAM, "threads", "2", "400"), Duration.ofMinutes(1))
            .usage();
    assertThat(u.succeeded()).as("burner: %s", u).isTrue();
    return u;
  }

  private void startEqualWeightCoRunner() throws Exception {
    coRunnerGroup = fs.create("optbench/" + runId + "/co-runner", CgroupSettings.inherit());
    List<String> argv = new ArrayList<>(List.of(helper().toString()));
    for (Path procs : coRunnerGroup.procsFiles()) {
      argv.addAll(List.of("--cgroup-procs", procs.toString()));
    }
    argv.addAll(List.of("--", "taskset", "-c", "0", "sh", "-c", BUSY_LOOP));
    coRunner = new ProcessBuilder(argv).redirectErrorStream(true).start();
  }

  private static double contention(ResourceUsage u) {
    return 100.0 * u.contentionWaitNanos() / u.wallNanos();
  }

  private static String allowedCpus(long pid) throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("Cpus_allowed_list:")) {
        return line.substring(line.indexOf(':') + 1).strip();
      }
    }
    return "";
  }

  private ResourceUsage burn() {
    ResourceUsage u = sandbox.run(BURN, Duration.ofMinutes(1)).usage();
    assertThat(u.succeeded()).as("burner: %s", u).isTrue();
    assertThat(u.cpuWaitNanos()).isLessThanOrEqualTo(u.wallNanos());
    return u;
  }

  private static double share(ResourceUsage u) {
    return 100.0 * u.cpuWaitNanos() / u.wallNanos();
  }

  private static Path helper() {
    return ExecHelper.ensureBuilt(FakeVariant.cacheDir());
  }

  private void stopCoRunner() {
    if (coRunnerGroup != null) {
      fs.killAll(coRunnerGroup); // the busy loop; its optbench-exec then exits
      fs.remove(coRunnerGroup.path());
      coRunnerGroup = null;
    }
    if (coRunner != null) {
      coRunner.destroyForcibly(); // sh of the ordinary loop, or what is left of the helper
      coRunner.onExit().join();
      coRunner = null;
    }
  }

  private static double loadAverage() throws Exception {
    return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
  }
}
