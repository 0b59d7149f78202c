package dev.optbench.benchmarks.job;

import dev.optbench.harness.workload.MediaLibrary;
import dev.optbench.harness.workload.WorkloadFile;
import java.nio.file.Path;

/**
 * Renders the workload's input files (lavfi sources made into files, for workloads generated with
 * file inputs) once per run with the reference build, on the host and outside any measurement;
 * every trial's work folder gets links to them. Workloads with live lavfi inputs have none.
 */
final class InputMedia {
  private InputMedia() {}

  static void materialise(WorkloadFile workload, Path ffmpeg, Path mediaDir) {
    MediaLibrary library = new MediaLibrary(ffmpeg, mediaDir);
    for (WorkloadFile.InputFile in : workload.inputs()) {
      library.ensure(in.path(), in.argv());
    }
  }
}
