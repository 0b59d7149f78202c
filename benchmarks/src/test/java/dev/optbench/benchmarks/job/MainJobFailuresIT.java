package dev.optbench.benchmarks.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optbench.harness.testing.Services;
import dev.optbench.harness.workload.Template;
import dev.optbench.harness.workload.WorkloadFile;
import dev.optbench.harness.workload.WorkloadUnit;
import dev.optbench.results.model.BenchmarkResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Units that fail do not stop a run: an ffmpeg error exit and an OOM kill are recorded per
 * invocation (JMH JSON, failures.jsonl, the summary's warnings) and the other units still run.
 */
class MainJobFailuresIT {
  @TempDir Path tmp;

  @Test
  void aFailingUnitAndAnOomKilledUnitAreRecordedAndTheRunGoesOn() throws Exception {
    String dockerHost = Services.dockerHost();
    // 8K frames: ~190 MiB peak without a limit (measured with time -f %M), far above 64 MiB.
    WorkloadUnit oom =
        unit(
            "oom",
            List.of(
                "ffmpeg",
                "-nostdin",
                "-y",
                "-loglevel",
                "error",
                "-f",
                "lavfi",
                "-i",
                "testsrc2=size=7680x4320:rate=25:duration=0.2",
                "-c:v",
                "rawvideo",
                "-f",
                "null",
                "-"));
    WorkloadUnit bad =
        unit(
            "bad",
            List.of(
                "ffmpeg",
                "-nostdin",
                "-y",
                "-loglevel",
                "error",
                "-f",
                "lavfi",
                "-i",
                "testsrc2=duration=1",
                "-c:v",
                "no_such_encoder",
                "-f",
                "null",
                "-"));
    // An input file: made once on the host, linked into the container's work folder.
    WorkloadFile.InputFile input =
        new WorkloadFile.InputFile(
            "inputs/src.mkv",
            List.of(
                "ffmpeg",
                "-nostdin",
                "-y",
                "-loglevel",
                "error",
                "-f",
                "lavfi",
                "-i",
                "testsrc2=size=320x240:rate=25:duration=1",
                "-c:v",
                "ffv1",
                "-f",
                "matroska",
                "inputs/src.mkv"));
    WorkloadUnit fromFile =
        unit(
            "fromfile",
            List.of(
                "ffmpeg",
                "-nostdin",
                "-y",
                "-loglevel",
                "error",
                "-i",
                "inputs/src.mkv",
                "-c:v",
                "mpeg4",
                "-f",
                "null",
                "-"));
    Path workload =
        TestWorkloads.write(
            tmp.resolve("w.json"),
            List.of(input),
            List.of(oom, bad, TestWorkloads.encode("good", 1), fromFile));
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
                "--memory",
                "64m",
                "-f",
                "1",
                "-wi",
                "0",
                "-i",
                "2"));
    String out = job.output();
    assertThat(job.exit()).as("exit 1: units failed\n" + out).isEqualTo(1);
    assertThat(out).contains("oom on O2 was OOM-killed (raise --memory)", "bad on O2 exited");

    Path run = BenchmarksJar.runFolder(tmp.resolve("optbench-results"));
    RunStatus status = RunStatus.read(run.resolve("run.json"));
    assertThat(status.status()).isEqualTo(RunStatus.COMPLETE);
    assertThat(status.trialsDone()).as("every trial has a result").isEqualTo(4);
    Map<String, BenchmarkResult> byUnit =
        RunReport.variants(run.resolve("jmh.json")).get("O2").stream()
            .collect(java.util.stream.Collectors.toMap(r -> r.params().get("unit"), r -> r));
    assertThat(samples(byUnit.get("oom"), "oom")).containsOnly(1.0);
    assertThat(samples(byUnit.get("oom"), "failed")).containsOnly(1.0);
    // The kernel's peak counter of the unit's cgroup: at the limit, never past it.
    assertThat(java.util.Arrays.stream(samples(byUnit.get("oom"), "mem.peak")).max().orElseThrow())
        .isLessThanOrEqualTo(64.5);
    assertThat(samples(byUnit.get("bad"), "failed")).containsOnly(1.0);
    assertThat(samples(byUnit.get("bad"), "oom")).containsOnly(0.0);
    assertThat(samples(byUnit.get("good"), "failed")).containsOnly(0.0);
    assertThat(samples(byUnit.get("fromfile"), "failed"))
        .as("read its input file")
        .containsOnly(0.0);
    assertThat(run.resolve("media/inputs/src.mkv")).isNotEmptyFile();
    List<String> failures =
        Files.readAllLines(run.resolve("failures.jsonl"), StandardCharsets.UTF_8);
    assertThat(failures).hasSize(4); // 2 invocations x 2 failing units
    assertThat(failures)
        .filteredOn(l -> l.contains("\"unit\":\"bad\""))
        .allMatch(l -> l.contains("no_such_encoder"));
    assertThat(MainJobIT.containers(dockerHost, run.getFileName().toString())).isEmpty();
  }

  private static double[] samples(BenchmarkResult r, String metric) {
    return r.secondaryMetrics().get(metric).samples();
  }

  private static WorkloadUnit unit(String id, List<String> argv) {
    return new WorkloadUnit(
        id,
        Template.VIDEO_TRANSCODE,
        argv,
        List.of(),
        List.of(),
        new WorkloadUnit.Descriptors(List.of(), null),
        0,
        0);
  }
}
