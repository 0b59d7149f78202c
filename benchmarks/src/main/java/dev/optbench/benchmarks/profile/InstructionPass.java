package dev.optbench.benchmarks.profile;

import dev.optbench.harness.profile.FunctionProfile;
import dev.optbench.harness.profile.InstructionCounter;
import dev.optbench.harness.profile.UnitProfiler;
import dev.optbench.results.jmh.JmhMetrics;
import dev.optbench.results.model.BenchmarkResult;
import dev.optbench.results.model.Metric;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The instruction pass of the CLI, after the timed invocations: a fresh copy of the unit's work
 * folder in the system temp folder (readable by the unprivileged user the counter runs as), the
 * unit's steps under the counter, the count added to the unit's JMH result as the secondary metric
 * {@value #METRIC}, profiles kept in the results folder.
 */
public final class InstructionPass {
  public static final String METRIC = "instructions";

  /** A unit's result with the count added, and its per-function profile. */
  public record Counted(BenchmarkResult result, FunctionProfile profile) {}

  private final UnitProfiler profiler;
  private final PrintStream out;

  public InstructionPass(InstructionCounter counter, Duration timeout, PrintStream out) {
    this.profiler = new UnitProfiler(counter, timeout);
    this.out = out;
  }

  /**
   * Counts one unit and returns its result with the {@value #METRIC} metric added.
   *
   * @param inputs the folder the timed runs used (its files are copied, never changed)
   * @param profiles where the callgrind.out and per-function files go
   */
  public Counted addTo(
      BenchmarkResult result,
      Path binDir,
      List<List<String>> steps,
      Path inputs,
      Path profiles,
      String unit)
      throws IOException {
    Path work = Files.createTempDirectory("optbench-instructions-");
    try {
      work.toFile().setReadable(true, false);
      work.toFile().setExecutable(true, false);
      copyInputs(inputs, work);
      long start = System.nanoTime();
      InstructionCounter.Count c = profiler.profile(binDir, steps, work, profiles, unit);
      out.printf(
          "instructions: %,d (%s, %.1f s; profile in %s)%n",
          c.instructions(), c.where(), (System.nanoTime() - start) / 1e9, profiles);
      Map<String, Metric> secondaries = new LinkedHashMap<>(result.secondaryMetrics());
      secondaries.put(
          METRIC, JmhMetrics.fromRaw(METRIC, List.of(List.of((double) c.instructions()))));
      return new Counted(result.withMetrics(result.primaryMetric(), secondaries), c.profile());
    } finally {
      try (Stream<Path> all = Files.walk(work)) {
        for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  private static void copyInputs(Path from, Path to) throws IOException {
    if (!Files.isDirectory(from)) {
      return;
    }
    try (Stream<Path> all = Files.walk(from)) {
      for (Path src : all.toList()) {
        Path dst = to.resolve(from.relativize(src).toString());
        if (Files.isDirectory(src)) {
          Files.createDirectories(dst);
        } else {
          Files.copy(src, dst);
        }
        dst.toFile().setReadable(true, false);
      }
    }
  }
}
