package dev.optbench.harness.novelty;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.optbench.harness.cache.CacheDir;
import dev.optbench.harness.exec.ExecHelper;
import dev.optbench.harness.workload.FfmpegCapabilities;
import dev.optbench.harness.workload.FfmpegComponents;
import dev.optbench.harness.workload.InputMode;
import dev.optbench.harness.workload.OptionSpace;
import dev.optbench.harness.workload.SpaceConfig;
import dev.optbench.harness.workload.WorkloadFile;
import dev.optbench.harness.workload.WorkloadWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Generates a workload file: probes the reference binary, searches, writes {@code <output>} (JSON),
 * {@code <output>.sh} (replay script), {@code .summary.json} (outcome counts, timing) and, when
 * ffmpeg crashed, {@code .crashes.json} (findings). The CLI's {@code generate} wraps this.
 */
public final class GenerateWorkload {
  /** Per-step timeout: commands are a few seconds of small media, so 30 s means "stuck". */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  public enum SearchKind {
    NOVELTY,
    RANDOM
  }

  public record Request(
      Path ffmpeg,
      Path workDir,
      long seed,
      int budget,
      DescriptorSpace space,
      SearchKind search,
      Path output) {}

  public record Result(
      WorkloadFile workload,
      Path json,
      Path script,
      Path summaryFile,
      GenerationSummary summary,
      int crashes) {}

  private GenerateWorkload() {}

  public static Result run(Request request, SearchListener listener) {
    return run(
        request,
        SpaceConfig.defaults(),
        SearchConfig.defaults(request.seed(), request.budget()),
        DEFAULT_TIMEOUT,
        listener);
  }

  public static Result run(
      Request request,
      SpaceConfig spaceConfig,
      SearchConfig searchConfig,
      Duration timeout,
      SearchListener listener) {
    if (!Files.isExecutable(request.ffmpeg())) {
      throw new IllegalArgumentException(
          "reference ffmpeg "
              + request.ffmpeg()
              + " is not an executable file (build one: optbench build --variants O2)");
    }
    FfmpegCapabilities caps =
        FfmpegCapabilities.probe(request.ffmpeg(), FfmpegComponents.standard());
    OptionSpace space = new OptionSpace(caps, spaceConfig);
    Path helper = ExecHelper.ensureBuilt(CacheDir.resolve());
    Evaluator evaluator =
        new ReferenceEvaluator(
            request.ffmpeg(), helper, request.workDir(), timeout, spaceConfig.inputMode());
    Search search =
        request.search() == SearchKind.NOVELTY
            ? new NoveltySearch(space, evaluator, request.space(), searchConfig, listener)
            : new RandomSearch(space, evaluator, request.space(), searchConfig, listener);
    return write(
        search.run(), searchConfig, caps.version(), spaceConfig.inputMode(), request.output());
  }

  /**
   * Writes a finished search's files next to {@code output}: the workload, its replay script, the
   * summary and, only when ffmpeg crashed, the crashes file. Separate from {@link #run} so the
   * files can be checked without a real binary.
   */
  static Result write(
      SearchResult result,
      SearchConfig searchConfig,
      String ffmpegVersion,
      InputMode inputMode,
      Path output) {
    WorkloadFile workload =
        WorkloadAssembler.assemble(result, searchConfig, ffmpegVersion, inputMode);
    Path script = WorkloadWriter.write(workload, output);
    Path summary = WorkloadWriter.sibling(output, ".summary.json");
    writeJson(summary, result.summary());
    if (!result.crashes().isEmpty()) {
      writeJson(
          WorkloadWriter.sibling(output, ".crashes.json"),
          result.crashes().stream().map(GenerateWorkload::finding).toList());
    }
    return new Result(workload, output, script, summary, result.summary(), result.crashes().size());
  }

  private static Map<String, Object> finding(Individual x) {
    return Map.of(
        "argv",
        x.command().argv(),
        "before",
        x.command().before(),
        "signal",
        x.evaluation().signal(),
        "stderr",
        x.evaluation().diagnostic());
  }

  private static void writeJson(Path file, Object value) {
    try {
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .writeValue(file.toFile(), value);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
