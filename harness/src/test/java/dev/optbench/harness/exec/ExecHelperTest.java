package dev.optbench.harness.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExecHelperTest {
  @TempDir Path cache;

  @Test
  void reportsExitCodeSignalAndCpuTimeOfTheChild() throws Exception {
    Path helper = ExecHelper.ensureBuilt(cache);
    assertThat(ExecHelper.ensureBuilt(cache)).isEqualTo(helper);

    ExecReport ok = run(helper, "sh", "-c", "exit 3");
    assertThat(ok.exitCode()).isEqualTo(3);
    assertThat(ok.signal()).isZero();
    assertThat(ok.error()).isEmpty();

    ExecReport killed = run(helper, "sh", "-c", "kill -9 $$");
    assertThat(killed.signal()).isEqualTo(9);
    assertThat(killed.exitCode()).isEqualTo(-1);

    ExecReport missing = run(helper, "/no/such/program");
    assertThat(missing.error()).startsWith("cannot exec");

    // ~0.3 s of shell arithmetic: the child's own CPU time, not the JVM's.
    ExecReport busy = run(helper, "sh", "-c", "i=0; while [ $i -lt 200000 ]; do i=$((i+1)); done");
    assertThat(busy.userMicros() + busy.sysMicros()).isGreaterThan(50_000);
    assertThat(busy.wallNanos() / 1000).isGreaterThanOrEqualTo(busy.userMicros());
    assertThat(busy.maxRssKib()).isLessThan(50_000); // not the JVM's RSS
    // read from the zombie's /proc/<pid>/schedstat; this kernel has CONFIG_SCHED_INFO
    assertThat(busy.runDelayNanos()).isBetween(0L, busy.wallNanos());
  }

  @Test
  void totalsReadTheCgroupItSeesAsItsOwnAroundTheChild() throws Exception {
    Path helper = ExecHelper.ensureBuilt(cache);
    ExecReport plain = run(helper, "true");
    assertThat(plain.containerTotals()).isEqualTo(ContainerTotals.NONE);
    // Outside a container "its own" is the machine's root cgroup: other processes count too, so
    // only the shape is checked here; the container case is DockerRemoteTotalsIT's.
    ExecReport busy =
        run(
            helper,
            List.of("--totals"),
            "sh",
            "-c",
            "i=0; while [ $i -lt 100000 ]; do i=$((i+1)); done");
    ContainerTotals t = busy.containerTotals();
    assertThat(t.version()).isIn("v1", "v2");
    assertThat(t.cpuNanos()).isGreaterThanOrEqualTo((busy.userMicros() + busy.sysMicros()) * 900);
  }

  /**
   * The wall clock starts at the child's exec, after its cgroup joins: a join that waits (here a
   * FIFO standing in for cgroup.procs, opened for reading only 600 ms later; on a real host the RCU
   * grace period of the first migration after an idle spell, 6-16 ms) is the harness's time, not
   * the unit's. With the clock at the fork this unit of `true` read over 600 ms.
   */
  @Test
  void wallTimeStartsAtExecNotAtTheCgroupJoinBeforeIt() throws Exception {
    Path helper = ExecHelper.ensureBuilt(cache);
    Path procs = cache.resolve("cgroup.procs");
    Process mkfifo = new ProcessBuilder("mkfifo", procs.toString()).start();
    assertThat(mkfifo.waitFor()).isZero();
    Process p =
        new ProcessBuilder(helper.toString(), "--cgroup-procs", procs.toString(), "--", "true")
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    long joinStarted = System.nanoTime();
    Thread.sleep(600);
    String joined;
    try (var in = Files.newBufferedReader(procs)) { // unblocks the child's open and write
      joined = in.readLine();
    }
    long joinReleased = System.nanoTime();
    String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).isZero();
    ExecReport r = ExecReport.fromStderr(stderr).orElseThrow();
    assertThat(joined).as("the child wrote its pid to the procs file").matches("\\d+");
    assertThat(joinReleased - joinStarted).isGreaterThanOrEqualTo(600_000_000L);
    assertThat(r.exitCode()).isZero();
    assertThat(r.wallNanos())
        .as("wall of `true`, without the 600 ms join")
        .isLessThan(300_000_000L);
  }

  @Test
  void clearEmptiesAFolderButKeepsIt() throws Exception {
    Path helper = ExecHelper.ensureBuilt(cache);
    Path dir = Files.createDirectories(cache.resolve("work/a/b"));
    Files.writeString(dir.resolve("x"), "x");
    Files.writeString(cache.resolve("work/y"), "y");
    Process p =
        new ProcessBuilder(helper.toString(), "--clear", cache.resolve("work").toString()).start();
    assertThat(p.waitFor()).isZero();
    try (var left = Files.list(cache.resolve("work"))) {
      assertThat(left).isEmpty();
    }
  }

  private static ExecReport run(Path helper, String... argv) throws Exception {
    return run(helper, List.of(), argv);
  }

  private static ExecReport run(Path helper, List<String> options, String... argv)
      throws Exception {
    List<String> cmd = new java.util.ArrayList<>(List.of(helper.toString()));
    cmd.addAll(options);
    cmd.add("--");
    cmd.addAll(List.of(argv));
    Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    assertThat(Files.exists(helper)).isTrue();
    return ExecReport.fromStderr(stderr).orElseThrow();
  }
}
