package dev.optbench.benchmarks.job;

import dev.optbench.harness.workload.WorkDirPaths;
import dev.optbench.harness.workload.WorkloadFile;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Renders the workload's input files (lavfi sources made into files, for workloads generated with
 * file inputs) once per run with the reference build, on the host and outside any measurement;
 * every trial's work folder gets links to them. Workloads with live lavfi inputs have none.
 */
final class InputMedia {
  private InputMedia() {}

  static void materialise(WorkloadFile workload, Path ffmpeg, Path mediaDir) throws IOException {
    for (WorkloadFile.InputFile in : workload.inputs()) {
      Path target = mediaDir.resolve(WorkDirPaths.requireInside(in.path()));
      if (Files.isRegularFile(target)) {
        continue;
      }
      Files.createDirectories(target.getParent());
      List<String> argv = new ArrayList<>(in.argv());
      argv.set(0, ffmpeg.toString()); // the "ffmpeg" placeholder
      Process p =
          new ProcessBuilder(argv)
              .directory(mediaDir.toFile())
              .redirectErrorStream(true)
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .start();
      String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      try {
        if (!p.waitFor(120, TimeUnit.SECONDS)
            || p.exitValue() != 0
            || !Files.isRegularFile(target)) {
          p.destroyForcibly();
          Files.deleteIfExists(target);
          throw new IllegalStateException(
              "making the input " + in.path() + " failed: " + argv + "\n" + log);
        }
      } catch (InterruptedException e) {
        p.destroyForcibly();
        Files.deleteIfExists(target);
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while making " + in.path(), e);
      }
    }
  }
}
