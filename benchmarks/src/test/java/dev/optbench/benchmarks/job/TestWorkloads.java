package dev.optbench.benchmarks.job;

import dev.optbench.harness.workload.InputMode;
import dev.optbench.harness.workload.Template;
import dev.optbench.harness.workload.WorkloadFile;
import dev.optbench.harness.workload.WorkloadUnit;
import dev.optbench.harness.workload.WorkloadWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Small hand-written workloads for the main job's ITs: known commands, so the assertions can say
 * what the numbers must look like (a single-threaded mpeg4 encode costs far more CPU at -O0).
 */
final class TestWorkloads {
  private TestWorkloads() {}

  /** The start of every single-threaded test command: quiet, no stdin, one thread. */
  private static final List<String> QUIET_ONE_THREAD =
      List.of("ffmpeg", "-nostdin", "-y", "-loglevel", "error", "-threads", "1");

  static WorkloadUnit encode(String id, int seconds) {
    return unit(
        id,
        Template.VIDEO_TRANSCODE,
        List.of(),
        concat(
            List.of(
                QUIET_ONE_THREAD,
                List.of("-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25:duration=" + seconds),
                List.of("-c:v", "mpeg4", "-q:v", "3", "-f", "null", "-"))));
  }

  /**
   * A generated-shape unit (a live lavfi input read for {@code -t seconds}) that ffmpeg finishes in
   * tens of milliseconds at -O2: short enough for the main job to lengthen it. With no template it
   * is a user's command, which is never rewritten.
   */
  static WorkloadUnit shortLive(String id, Template template) {
    return unit(
        id,
        template,
        List.of(),
        concat(
            List.of(
                QUIET_ONE_THREAD,
                List.of("-t", "1", "-f", "lavfi", "-i", "testsrc=size=160x120:rate=25"),
                List.of("-c:v", "mpeg4", "-f", "null", "-"))));
  }

  /** Pass 1 writes passlog in the work folder, pass 2 reads it: one unit, two processes. */
  static WorkloadUnit twoPass(String id) {
    List<String> input = List.of("-f", "lavfi", "-i", "mandelbrot=size=160x120:rate=25", "-t", "1");
    List<String> common = List.of("-c:v", "mpeg4", "-b:v", "600k", "-passlogfile", "passlog");
    List<String> pass1 =
        concat(
            List.of(
                List.of("ffmpeg", "-nostdin", "-y", "-loglevel", "error"),
                input,
                common,
                List.of("-pass", "1", "-f", "null", "-")));
    List<String> pass2 =
        concat(
            List.of(
                List.of("ffmpeg", "-nostdin", "-y", "-loglevel", "error"),
                input,
                common,
                List.of("-pass", "2", "-f", "avi", "out.avi")));
    return unit(id, Template.TWO_PASS, List.of(pass1), pass2);
  }

  static Path write(Path file, List<WorkloadUnit> units) throws IOException {
    return write(file, List.of(), units);
  }

  static Path write(Path file, List<WorkloadFile.InputFile> inputs, List<WorkloadUnit> units)
      throws IOException {
    WorkloadFile w =
        new WorkloadFile(
            WorkloadFile.FORMAT,
            new WorkloadFile.Generator(
                "hand",
                "input",
                0,
                units.size(),
                "test",
                inputs.isEmpty() ? InputMode.LIVE : InputMode.FILES),
            inputs,
            units);
    Files.writeString(file, WorkloadWriter.json(w));
    return file;
  }

  private static WorkloadUnit unit(
      String id, Template t, List<List<String>> before, List<String> argv) {
    return new WorkloadUnit(
        id, t, argv, before, List.of(), new WorkloadUnit.Descriptors(List.of(), null), 0, 0);
  }

  private static List<String> concat(List<List<String>> parts) {
    return parts.stream().flatMap(List::stream).toList();
  }
}
