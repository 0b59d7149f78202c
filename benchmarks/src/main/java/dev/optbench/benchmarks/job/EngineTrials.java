package dev.optbench.benchmarks.job;

import dev.optbench.benchmarks.jmh.RunFolder;
import dev.optbench.benchmarks.jmh.RunPlan;
import dev.optbench.benchmarks.rounds.InterleavedResults;
import dev.optbench.harness.engine.Placement;
import dev.optbench.results.jmh.JmhJsonReader;
import dev.optbench.results.model.BenchmarkResult;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * JMH's own order ({@code --order jmh}) on named engines: one JMH run per engine, over that
 * engine's variants only, one after the other. An engine cannot be a second {@code @Param}: JMH
 * runs the cross product of params, which would put a variant on an engine it was not placed on.
 * Each run's results get the param {@code engine} and are merged into one {@code jmh.json}, so the
 * file has the shape of the interleaved path's. A run that stops leaves the engines finished so far
 * and the stopped one's finished trials in {@code jmh.partial.json}.
 */
final class EngineTrials {
  private final RunFolder folder;
  private final RunStatus status;
  private final PrintStream out;
  private final List<BenchmarkResult> merged = new ArrayList<>();
  private boolean complete;
  private boolean interrupted;
  private boolean writeFailed;

  EngineTrials(RunFolder folder, RunStatus status, PrintStream out) {
    this.folder = folder;
    this.status = status;
    this.out = out;
  }

  void run(
      CommandLineOptions jmh,
      RunPlan plan,
      Placement placement,
      List<String> units,
      long unitTimeoutMillis)
      throws RunnerException, IOException {
    for (String engine : placement.engines()) {
      List<String> variants = placement.variantsOn(engine);
      out.printf("%nengine %s: %s%n", engine, String.join(", ", variants));
      TrialRun trials = new TrialRun(folder, status, out);
      trials.run(
          JmhLauncher.options(
              jmh, plan, folder.plan(), variants, units, unitTimeoutMillis, engine));
      interrupted = trials.wasInterrupted();
      writeFailed = trials.failedToWriteResults();
      if (!trials.complete()) {
        keepPartial(engine);
        return;
      }
      merged.addAll(withEngine(folder.jmhJson(), engine));
    }
    InterleavedResults.write(merged, folder.jmhJson());
    complete = true;
  }

  /** The engines finished so far and the stopped one's finished trials, in the partial file. */
  private void keepPartial(String engine) throws IOException {
    List<BenchmarkResult> kept = new ArrayList<>(merged);
    kept.addAll(withEngine(folder.partialJson(), engine));
    Files.deleteIfExists(folder.jmhJson()); // an earlier engine's, not this run's result
    if (!kept.isEmpty() && !writeFailed) {
      InterleavedResults.write(kept, folder.partialJson());
    }
  }

  /** The results in {@code file} (none if there is none), each with the param {@code engine}. */
  private static List<BenchmarkResult> withEngine(Path file, String engine) throws IOException {
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    List<BenchmarkResult> out = new ArrayList<>();
    for (BenchmarkResult r : new JmhJsonReader().read(file)) {
      Map<String, String> params = new LinkedHashMap<>();
      params.put("engine", engine); // JMH writes params sorted by name: engine first
      params.putAll(r.params());
      out.add(r.withParams(params));
    }
    return out;
  }

  boolean complete() {
    return complete;
  }

  boolean wasInterrupted() {
    return interrupted;
  }

  boolean failedToWriteResults() {
    return writeFailed;
  }
}
