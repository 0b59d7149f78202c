package dev.optbench.harness.runtime.docker.bench;

import dev.optbench.harness.exec.ExecReport;
import dev.optbench.harness.model.VariantRef;
import dev.optbench.harness.runtime.Execution;
import dev.optbench.harness.runtime.Sandbox;
import dev.optbench.harness.runtime.SandboxLimits;
import dev.optbench.harness.runtime.docker.DockerEngine;
import dev.optbench.harness.runtime.docker.DockerRuntime;
import dev.optbench.harness.runtime.docker.DockerTestSupport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What running a unit in a container adds, against the same command run bare through optbench-exec:
 * the round trip seen by the JVM, the wall time optbench-exec measures, and the CPU that {@code
 * docker exec} spends inside the container (runc's init) which per-unit cgroups keep out of the
 * unit's total. Prints Markdown for harness/BENCHMARKS-docker.md.
 *
 * <p>Run: {@code java -cp <test classpath> ...DockerExecOverheadBench [iterations]} with
 * DOCKER_HOST set.
 */
public final class DockerExecOverheadBench {
  private DockerExecOverheadBench() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 30;
    Path probe = DockerTestSupport.probe();
    Path helper = DockerTestSupport.execHelper();
    Path work = Files.createTempDirectory("optbench-bench");
    List<String> unit = List.of("exit", "0");
    List<String> burn = List.of("burn", "0.2");

    Series bareTrip = new Series();
    Series bareWall = new Series();
    Series bareBurnWall = new Series();
    for (int i = 0; i < n; i++) {
      bare(helper, probe, unit, bareTrip, bareWall);
      bare(helper, probe, burn, new Series(), bareBurnWall);
    }

    Series dockerTrip = new Series();
    Series dockerWall = new Series();
    Series dockerBurnWall = new Series();
    Series unitCpu = new Series();
    Series execSetupCpu = new Series();
    try (DockerEngine engine = DockerEngine.fromEnvironment();
        Sandbox sandbox = open(engine, work)) {
      Path parentCpu = sandbox.target().cgroupDirs().get("cpuacct").resolve("cpuacct.usage");
      List<String> argv = new ArrayList<>(List.of("ffmpeg"));
      argv.addAll(unit);
      List<String> burnArgv = new ArrayList<>(List.of("ffmpeg"));
      burnArgv.addAll(burn);
      sandbox.run(argv, Duration.ofSeconds(30)); // first exec warms the engine's caches
      for (int i = 0; i < n; i++) {
        long before = Long.parseLong(Files.readString(parentCpu).trim());
        long t0 = System.nanoTime();
        Execution e = sandbox.run(argv, Duration.ofSeconds(30));
        dockerTrip.add(System.nanoTime() - t0);
        long after = Long.parseLong(Files.readString(parentCpu).trim());
        dockerWall.add(e.usage().wallNanos());
        unitCpu.add(e.usage().cpuTotalNanos());
        execSetupCpu.add(after - before - e.usage().cpuTotalNanos());
        dockerBurnWall.add(sandbox.run(burnArgv, Duration.ofSeconds(30)).usage().wallNanos());
      }
      System.out.println("engine: " + engine.describe() + ", iterations: " + n);
    }

    System.out.println("| measure | bare (optbench-exec on host) | docker exec in sandbox |");
    System.out.println("|---|---|---|");
    row("JVM round trip, empty unit", bareTrip, dockerTrip);
    row("optbench-exec wall, empty unit", bareWall, dockerWall);
    row("optbench-exec wall, 0.2 s CPU burn", bareBurnWall, dockerBurnWall);
    System.out.printf(
        "| CPU charged to the unit cgroup, empty unit | - | %s |%n", unitCpu.summary());
    System.out.printf(
        "| CPU of docker exec setup (runc init), outside the unit cgroup | - | %s |%n",
        execSetupCpu.summary());
  }

  private static Sandbox open(DockerEngine engine, Path work) throws Exception {
    String image = DockerTestSupport.probeImage(engine, "bench");
    return new DockerRuntime(engine)
        .open(
            new VariantRef("bench", work, Optional.of(image), "sha256-bench"),
            new SandboxLimits(
                "0", 256L << 20, work, Map.of("dev.optbench.bench", "exec-overhead")));
  }

  private static void bare(Path helper, Path probe, List<String> args, Series trip, Series wall)
      throws Exception {
    List<String> cmd = new ArrayList<>(List.of(helper.toString(), "--", probe.toString()));
    cmd.addAll(args);
    long t0 = System.nanoTime();
    Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    trip.add(System.nanoTime() - t0);
    wall.add(ExecReport.fromStderr(stderr).orElseThrow().wallNanos());
  }

  private static void row(String what, Series bare, Series docker) {
    System.out.printf("| %s | %s | %s |%n", what, bare.summary(), docker.summary());
  }

  /** Nanosecond samples; summary is the median and the 10th-90th percentile range in ms. */
  private static final class Series {
    private final List<Long> values = new ArrayList<>();

    void add(long nanos) {
      values.add(nanos);
    }

    String summary() {
      long[] v = values.stream().mapToLong(Long::longValue).sorted().toArray();
      return String.format(
          "%.2f ms (p10 %.2f, p90 %.2f)",
          ms(percentile(v, 50)), ms(percentile(v, 10)), ms(percentile(v, 90)));
    }

    private static long percentile(long[] sorted, int p) {
      return sorted[Math.min(sorted.length - 1, sorted.length * p / 100)];
    }

    private static double ms(long nanos) {
      return nanos / 1e6;
    }

    @Override
    public String toString() {
      return Arrays.toString(values.toArray());
    }
  }
}
