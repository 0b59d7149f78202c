package dev.optbench.build.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.optbench.build.VariantSet;
import dev.optbench.build.compile.BuildProgress;
import dev.optbench.build.compile.BuiltVariant;
import dev.optbench.build.source.DebianSource;
import dev.optbench.build.spec.Profile;
import dev.optbench.build.spec.VariantSpecs;
import dev.optbench.harness.cache.CacheDir;
import dev.optbench.harness.metrics.ResourceUsage;
import dev.optbench.harness.model.VariantRef;
import dev.optbench.harness.runtime.Execution;
import dev.optbench.harness.runtime.Sandbox;
import dev.optbench.harness.runtime.SandboxLimits;
import dev.optbench.harness.runtime.docker.DockerEngine;
import dev.optbench.harness.runtime.docker.DockerRuntime;
import dev.optbench.harness.runtime.docker.TlsFiles;
import dev.optbench.harness.testing.Services;
import dev.optbench.harness.testing.TlsEngines;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.Test;

/**
 * The remote path's totals against the local path's on the same single-threaded ffmpeg unit of the
 * same cached O2 build: the local engine (the services' dockerd on its unix socket: the unit's own
 * cgroup read on the host) and a second dockerd in a network namespace reached over TLS (remote:
 * optbench-exec reads the container's cgroup inside it). Rounds alternate which engine goes first,
 * so drifting load falls on both alike. The same-round CPU ratios must not differ from 1 by more
 * than 3 % with 95 % confidence (a distribution-free interval for their median), and that interval
 * must be narrow enough to say so: a path that counted another process, missed the unit's children
 * or read the wrong counter would be off by far more, and the unit burns over a second of CPU, so
 * no two wrong numbers meet there by accident.
 */
class RemoteEngineTotalsIT {
  /** Rounds compared: only those where neither unit was starved (see {@link #starved}). */
  private static final int ROUNDS = 20;

  /** At most this many rounds or this long to find them; then the machine is too busy. */
  private static final int MAX_ROUNDS = 30;

  private static final Duration MAX_TIME = Duration.ofMinutes(4);
  private static final Duration T = Duration.ofMinutes(2);

  /** One core's worth of encoding, threads pinned to one: CPU ≈ wall when nothing competes. */
  private static final List<String> UNIT =
      List.of(
          "ffmpeg",
          "-hide_banner",
          "-nostdin",
          "-filter_threads",
          "1",
          "-f",
          "lavfi",
          "-i",
          "testsrc2=size=640x360:rate=25:duration=24",
          "-threads",
          "1",
          "-c:v",
          "mpeg4",
          "-q:v",
          "3",
          "-f",
          "null",
          "-");

  @Test
  void theSameUnitMeasuresTheSameCpuOnTheRemoteAndTheLocalPath() throws Exception {
    String localHost = Services.dockerHost();
    BuiltVariant o2 =
        new VariantSet(
                CacheDir.resolve(), Runtime.getRuntime().availableProcessors(), BuildProgress.NONE)
            .build(
                List.of(
                    VariantSpecs.fromCli(
                        System.getProperty("optbench.it.variant", "O2"), Profile.MINIMAL)),
                new DebianSource())
            .variants()
            .get(0);
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    List<ResourceUsage> local = new ArrayList<>();
    List<ResourceUsage> remote = new ArrayList<>();
    int rounds = 0;
    try (TlsEngines engines = TlsEngines.start("remote-totals", 1);
        DockerEngine localEngine = DockerEngine.connect(localHost);
        DockerEngine remoteEngine =
            DockerEngine.connect(engines.tcp(0), TlsFiles.inFolder(engines.certs().clientDir()))) {
      assertThat(localEngine.isLocal()).isTrue();
      assertThat(remoteEngine.isLocal()).isFalse();
      VariantRef onLocal = image(o2, localEngine, log);
      VariantRef onRemote = image(o2, remoteEngine, log);
      try (Sandbox localBox = open(localEngine, onLocal, engines.dir().resolve("work-local"));
          Sandbox remoteBox = open(remoteEngine, onRemote, engines.dir().resolve("work-remote"))) {
        // one untimed run each: page cache and the remote path's first upload out of the figures
        run(localBox);
        run(remoteBox);
        long deadline = System.nanoTime() + MAX_TIME.toNanos();
        int round = 0;
        while (local.size() < ROUNDS && round < MAX_ROUNDS && System.nanoTime() < deadline) {
          ResourceUsage l;
          ResourceUsage r;
          if (round % 2 == 0) {
            l = run(localBox);
            r = run(remoteBox);
          } else {
            r = run(remoteBox);
            l = run(localBox);
          }
          round++;
          boolean starved = starved(l) || starved(r);
          if (!starved) {
            local.add(l);
            remote.add(r);
          }
          System.out.printf(
              "RemoteEngineTotalsIT round %2d: cpu local %7.1f ms remote %7.1f ms (%.4f);"
                  + " wall %7.1f / %7.1f ms; waited %6.1f / %6.1f ms; peak %5.1f / %5.1f MiB%s%n",
              round,
              l.cpuTotalNanos() / 1e6,
              r.cpuTotalNanos() / 1e6,
              (double) r.cpuTotalNanos() / l.cpuTotalNanos(),
              l.wallNanos() / 1e6,
              r.wallNanos() / 1e6,
              l.cpuWaitNanos() / 1e6,
              r.cpuWaitNanos() / 1e6,
              l.memoryPeakBytes() / 1048576.0,
              r.memoryPeakBytes() / 1048576.0,
              starved ? " (starved: left out)" : "");
        }
        rounds = round;
      }
    }

    assertThat(local)
        .as(
            "rounds where neither unit waited over a quarter of its wall for a CPU, of %d run:"
                + " the machine is too busy to compare the two paths",
            rounds)
        .hasSize(ROUNDS);
    assertThat(local).allSatisfy(u -> assertThat(u.source()).startsWith("docker/cgroup-v"));
    assertThat(remote).allSatisfy(u -> assertThat(u.source()).startsWith("docker-remote/cgroup-v"));
    double cpuLocal = median(local, ResourceUsage::cpuTotalNanos);
    double cpuRemote = median(remote, ResourceUsage::cpuTotalNanos);
    double wallLocal = median(local, ResourceUsage::wallNanos);
    double wallRemote = median(remote, ResourceUsage::wallNanos);
    double waitLocal = median(local, ResourceUsage::cpuWaitNanos);
    double waitRemote = median(remote, ResourceUsage::cpuWaitNanos);
    double busyLocal = median(local, u -> u.wallNanos() - u.cpuWaitNanos());
    double busyRemote = median(remote, u -> u.wallNanos() - u.cpuWaitNanos());
    double peakLocal = median(local, ResourceUsage::memoryPeakBytes);
    double peakRemote = median(remote, ResourceUsage::memoryPeakBytes);
    List<Double> ratios = new ArrayList<>();
    for (int i = 0; i < ROUNDS; i++) {
      ratios.add((double) remote.get(i).cpuTotalNanos() / local.get(i).cpuTotalNanos());
    }
    List<Double> sortedRatios = ratios.stream().sorted().toList();
    double ratioMedian = (sortedRatios.get(ROUNDS / 2 - 1) + sortedRatios.get(ROUNDS / 2)) / 2;
    System.out.printf(
        "RemoteEngineTotalsIT: %d rounds compared of %d run; median cpu local %.1f ms remote %.1f ms (remote/local"
            + " %.4f; per-round ratios %.4f..%.4f, median %.4f); wall %.1f / %.1f ms (%.4f);"
            + " waited for a CPU %.1f / %.1f ms; wall less waiting %.1f / %.1f ms (%.4f);"
            + " peak %.1f / %.1f MiB (%.3f)%n",
        ROUNDS,
        rounds,
        cpuLocal / 1e6,
        cpuRemote / 1e6,
        cpuRemote / cpuLocal,
        ratios.stream().mapToDouble(d -> d).min().orElseThrow(),
        ratios.stream().mapToDouble(d -> d).max().orElseThrow(),
        ratioMedian,
        wallLocal / 1e6,
        wallRemote / 1e6,
        wallRemote / wallLocal,
        waitLocal / 1e6,
        waitRemote / 1e6,
        busyLocal / 1e6,
        busyRemote / 1e6,
        busyRemote / busyLocal,
        peakLocal / 1048576.0,
        peakRemote / 1048576.0,
        peakRemote / peakLocal);

    assertThat(cpuLocal).as("a unit of real work, not start-up noise").isGreaterThan(0.5e9);
    assertThat(cpuLocal / wallLocal).as("single-threaded and busy").isBetween(0.5, 1.1);
    // The paired statistic (same-round ratios, the project's own method), with the noise it has:
    // on these 2-core AMD EPYC VMs the same unit's CPU time moves 10-20 % between the two
    // invocations of a round (per-round ratios 0.906-1.221 on 2026-12-07, quiet; medians of 12
    // ratios 1.0186, 1.0224). In a noisy spell (2026-12-08 02:1x UTC, CPU time itself +-3 % from
    // one invocation to the next) a median of 12 read 1.0565 with ratios 0.924-1.208: a fixed
    // +-3 % on the median then fails by chance a third of the time. So: 20 rounds, and the
    // median's 95 % interval (order statistics, no assumption on the noise) must reach into
    // [0.97, 1.03] (no difference beyond 3 % shown) and be narrower than +-10 % (else the machine
    // was too noisy for the comparison to mean anything, and the test says so).
    assertSameWithin3Percent("CPU", sortedRatios);
    // the ratio of the two medians pairs nothing: in that spell it read 1.057 while the paired
    // median read 0.992, so it only has to show that neither path is far off
    assertThat(cpuRemote / cpuLocal).as("median CPU, remote/local").isCloseTo(1.0, within(0.10));
    // Wall is measured next to the process on both paths, but the remote container competes at the
    // default CPU weight while the local unit cgroup has the top one, so on a busy machine the
    // remote unit waits longer for a CPU (run_delay). Less that wait, the two walls must agree.
    List<Double> busyRatios = new ArrayList<>();
    for (int i = 0; i < ROUNDS; i++) {
      busyRatios.add(
          (double) (remote.get(i).wallNanos() - remote.get(i).cpuWaitNanos())
              / (local.get(i).wallNanos() - local.get(i).cpuWaitNanos()));
    }
    assertSameWithin3Percent("wall less CPU wait", busyRatios.stream().sorted().toList());
    assertThat(busyRemote / busyLocal)
        .as("median wall less CPU wait, remote/local")
        .isCloseTo(1.0, within(0.10));
    // Peak differs by definition: the unit's cgroup peak locally, which is not charged for the
    // binary's pages another cgroup read into the page cache first, and ru_maxrss remotely (the
    // container's peak spans all its units and cannot be reset from inside), which counts them.
    assertThat(peakLocal).as("cgroup peak").isGreaterThan(1 << 20);
    assertThat(peakRemote / peakLocal).as("RSS peak / cgroup peak").isBetween(0.5, 4.0);
  }

  /**
   * Same-round ratios that show no difference beyond 3 %: their median's 95 % interval reaches into
   * [0.97, 1.03], and is narrower than +-10 % (else the machine was too noisy to compare at all).
   */
  private static void assertSameWithin3Percent(String what, List<Double> sortedRatios) {
    double[] interval = medianInterval(sortedRatios);
    System.out.printf(
        "RemoteEngineTotalsIT: %s, remote/local per round: median %.4f, 95 %% interval [%.4f,"
            + " %.4f]%n",
        what,
        (sortedRatios.get(ROUNDS / 2 - 1) + sortedRatios.get(ROUNDS / 2)) / 2,
        interval[0],
        interval[1]);
    assertThat(interval[1] - interval[0])
        .as(what + ": width of the median ratio's 95 % interval (too noisy to compare)")
        .isLessThan(0.20);
    assertThat(interval[0])
        .as(what + ": lower end of the median ratio's 95 % interval")
        .isLessThanOrEqualTo(1.03);
    assertThat(interval[1])
        .as(what + ": upper end of the median ratio's 95 % interval")
        .isGreaterThanOrEqualTo(0.97);
  }

  /**
   * A distribution-free interval of at least 95 % for the median of {@code sorted}: the order
   * statistics x(k) and x(n+1-k) with k the largest rank where P(Binomial(n, 1/2) < k) <= 2.5 %.
   */
  static double[] medianInterval(List<Double> sorted) {
    int n = sorted.size();
    double below = 0; // P(B < k), B ~ Binomial(n, 1/2)
    int k = 0;
    double choose = 1; // C(n, k)
    while (k < n) {
      double next = below + choose / Math.pow(2, n); // P(B < k + 1)
      if (next > 0.025) {
        break;
      }
      below = next;
      choose = choose * (n - k) / (k + 1);
      k++;
    }
    int low = Math.max(k, 1);
    return new double[] {sorted.get(low - 1), sorted.get(n - low)};
  }

  private static VariantRef image(BuiltVariant v, DockerEngine engine, ByteArrayOutputStream log) {
    return VariantImages.prepare(List.of(v), Optional.of(engine), new PrintStream(log)).get(0);
  }

  private static Sandbox open(DockerEngine engine, VariantRef variant, Path work)
      throws java.io.IOException {
    Files.createDirectories(work);
    return new DockerRuntime(engine)
        .open(
            variant,
            new SandboxLimits("0", 512L << 20, work, Map.of("run_id", "remote-totals-it")));
  }

  private static ResourceUsage run(Sandbox box) {
    Execution e = box.run(UNIT, T);
    assertThat(e.usage().exitCode()).as(e.stderrTail()).isZero();
    return e.usage();
  }

  /**
   * The main job's rule for contention: a unit that waited over a quarter of its wall for a CPU
   * measured the machine's load, not itself. Under load the remote unit (its container at the
   * engine's default CPU weight) is preempted far more than the local one (its cgroup at the top
   * weight), and its CPU time grows with that (cache refills): seen here as +4 % with 1.7 s of wait
   * per 1.2 s unit. That is a real difference in what ran, not in how it was counted, so such
   * rounds are left out of the comparison rather than widening its tolerance.
   */
  private static boolean starved(ResourceUsage u) {
    return u.cpuWaitNanos() > u.wallNanos() / 4;
  }

  private static double median(List<ResourceUsage> runs, ToLongFunction<ResourceUsage> metric) {
    List<Long> sorted = runs.stream().map(metric::applyAsLong).sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
  }
}
