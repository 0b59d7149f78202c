package dev.optbench.benchmarks.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optbench.benchmarks.Main;
import dev.optbench.results.jmh.BenchmarkResultBuilder;
import dev.optbench.results.jmh.JmhJsonWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code optbench report} reads a results folder and the build manifests into one HTML page. */
class ReportCommandTest {
  @TempDir Path dir;

  @Test
  void writesTheReportFromJmhJsonSamplesAndManifests() throws IOException {
    Path in = Files.createDirectories(dir.resolve("results"));
    jmh(in.resolve("O2.json"), 1.0);
    jmh(in.resolve("O0.json"), 2.5);
    Files.writeString(
        in.resolve("run.samples.lp"),
        "cpu_usage_total,variant=O2,container_name=c value=0 1000000000\n"
            + "cpu_usage_total,variant=O2,container_name=c value=500000000 2000000000\n"
            + "memory_usage,variant=O2,container_name=c value=1048576 1000000000\n");
    Files.writeString(in.resolve("host.json"), "{\"cpu\":\"test CPU\",\"logicalCores\":2}");
    Path builds = dir.resolve("build");
    Files.createDirectories(builds.resolve("O2"));
    Files.writeString(
        builds.resolve("O2/variant.json"), "{\"name\":\"O2\",\"cflags\":\"-O2 -marker-flag\"}");
    Path out = dir.resolve("out/report.html");

    int exit =
        Main.commandLine()
            .execute(
                "report",
                "--in",
                in.toString(),
                "--builds",
                builds.toString(),
                "--out",
                out.toString(),
                "--title",
                "report test");

    assertThat(exit).isZero();
    assertThat(out)
        .content()
        .contains("report test", "O0", "O2", "ffmpeg.cmd", "test CPU", "-marker-flag")
        .contains("No build manifest for O0");
  }

  @Test
  void aMissingBaselineSaysWhatToDo() throws IOException {
    Path in = Files.createDirectories(dir.resolve("results"));
    jmh(in.resolve("O3.json"), 1.0);
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setErr(new PrintWriter(err));
    assertThat(
            cl.execute("report", "--in", in.toString(), "--out", dir.resolve("r.html").toString()))
        .isEqualTo(2);
    assertThat(err.toString()).contains("no O2.json", "[O3]", "--baseline");
  }

  private static void jmh(Path file, double seconds) throws IOException {
    List<Double> raw = List.of(seconds, seconds * 1.01, seconds * 0.99, seconds * 1.02, seconds);
    new JmhJsonWriter()
        .write(
            List.of(
                new BenchmarkResultBuilder("ffmpeg.cmd00").primary("s/op", List.of(raw)).build()),
            file);
  }
}
