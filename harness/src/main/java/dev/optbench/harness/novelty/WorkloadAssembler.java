package dev.optbench.harness.novelty;

import dev.optbench.harness.workload.InputMode;
import dev.optbench.harness.workload.MediaSource;
import dev.optbench.harness.workload.WorkloadFile;
import dev.optbench.harness.workload.WorkloadUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/** Turns a search result into the workload file (only valid, emitted units). */
final class WorkloadAssembler {
  private WorkloadAssembler() {}

  static WorkloadFile assemble(
      SearchResult result, SearchConfig config, String ffmpegVersion, InputMode mode) {
    TreeMap<String, WorkloadFile.InputFile> inputs = new TreeMap<>();
    List<WorkloadUnit> units = new ArrayList<>();
    for (Individual x : result.emitted()) {
      List<String> files = new ArrayList<>();
      if (mode == InputMode.FILES) {
        for (MediaSource m : x.command().inputs()) {
          files.add(m.file());
          inputs.put(m.file(), new WorkloadFile.InputFile(m.file(), m.materialiseArgv()));
        }
      }
      units.add(
          new WorkloadUnit(
              String.format("%s-%04d", result.search(), x.id()),
              x.command().template(),
              x.command().argv(),
              x.command().before(),
              files,
              descriptors(x, result.space()),
              config.seed(),
              x.generation()));
    }
    WorkloadFile.Generator generator =
        new WorkloadFile.Generator(
            result.search(),
            result.space().name().toLowerCase(java.util.Locale.ROOT),
            config.seed(),
            config.budget(),
            ffmpegVersion,
            mode);
    return new WorkloadFile(WorkloadFile.FORMAT, generator, List.copyOf(inputs.values()), units);
  }

  private static WorkloadUnit.Descriptors descriptors(Individual x, DescriptorSpace space) {
    List<Double> input =
        Arrays.stream(x.command().descriptor()).map(WorkloadAssembler::round).boxed().toList();
    if (space == DescriptorSpace.INPUT) {
      return new WorkloadUnit.Descriptors(input, null);
    }
    Behaviour b = x.evaluation().behaviour();
    return new WorkloadUnit.Descriptors(
        input,
        new WorkloadUnit.Measured(
            b.cpuMicros(),
            b.wallNanos() / 1000,
            b.maxRssKib(),
            b.outputBytes(),
            round(b.threadsUsed()),
            x.evaluation().outcome().name()));
  }

  private static double round(double v) {
    return Math.round(v * 10_000) / 10_000.0;
  }
}
