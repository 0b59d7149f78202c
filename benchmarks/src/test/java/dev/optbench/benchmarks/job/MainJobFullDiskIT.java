package dev.optbench.benchmarks.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.optbench.harness.testing.Services;
import dev.optbench.results.jmh.JmhJsonReader;
import dev.optbench.results.series.LineProtocolReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --results} on a 64 KiB tmpfs (issue 11: every trial ran, then "not a JMH result file",
 * run.json stuck at running, jmh.json empty, .lp files cut under their final names): the first
 * write that fails stops the run, run.json says failed and why, and every file under a final name
 * is whole.
 */
class MainJobFullDiskIT {
  @TempDir Path tmp;
  private Path mount;

  @AfterEach
  void unmount() throws Exception {
    if (mount != null) {
      new ProcessBuilder("umount", "-l", mount.toString()).inheritIO().start().waitFor();
    }
  }

  @Test
  void aFullDiskStopsTheRunMarksItFailedAndLeavesNoCutFile() throws Exception {
    Services.dockerHost();
    mount = Files.createDirectories(tmp.resolve("optbench-results"));
    int mounted =
        new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", mount.toString())
            .inheritIO()
            .start()
            .waitFor();
    assumeTrue(mounted == 0, "needs root to mount a tmpfs");
    Path workload =
        TestWorkloads.write(
            tmp.resolve("w.json"),
            List.of(TestWorkloads.encode("a", 2), TestWorkloads.encode("b", 2)));

    BenchmarksJar.Finished job =
        BenchmarksJar.runToEnd(
            tmp,
            List.of(),
            List.of(
                "--variants",
                "O2",
                "--workload",
                workload.toString(),
                "--runtime",
                "docker",
                "--interval",
                "20ms",
                "--results",
                mount.toString(),
                "-f",
                "1",
                "-wi",
                "0",
                "-i",
                "5"));

    String out = job.output();
    assertThat(job.exit()).as(out).isNotZero();
    assertThat(out).contains("cannot write").contains("disk is full");
    Path run = BenchmarksJar.runFolder(mount);
    RunStatus status = RunStatus.read(run.resolve("run.json"));
    assertThat(status.status()).as(out).isEqualTo(RunStatus.FAILED);
    assertThat(status.message()).contains("cannot write");
    try (Stream<Path> files = Files.walk(run)) {
      List<Path> all = files.filter(Files::isRegularFile).toList();
      assertThat(all)
          .as("no temporary or unpublished file")
          .noneMatch(
              f -> {
                String n = f.getFileName().toString();
                return n.endsWith(".tmp") || n.endsWith(".partial") || n.endsWith(".writing");
              });
      for (Path f : all) {
        String name = f.getFileName().toString();
        if (name.endsWith(".lp")) {
          String text = Files.readString(f, StandardCharsets.UTF_8);
          assertThat(text.isEmpty() || text.endsWith("\n")).as(f + " ends whole").isTrue();
          assertThat(new LineProtocolReader().read(f)).hasSize((int) text.lines().count());
        } else if (name.endsWith(".json") && name.startsWith("jmh")) {
          assertThat(new JmhJsonReader().read(f)).as(f.toString()).isNotNull();
        } else if (name.equals("failures.jsonl")) {
          assertThat(Files.readString(f)).endsWith("\n");
        }
      }
    }
    assertThat(run.resolve("jmh.json")).as("no complete-looking result").doesNotExist();
  }
}
