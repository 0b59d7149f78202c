package dev.optbench.benchmarks.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;

/**
 * Keeps the trials finished so far on disk in JMH's own JSON (jmh-core's formatter, so the file is
 * what JMH would write for those trials), rewritten after every trial through a temporary file and
 * a rename: an interrupted or killed run leaves every finished trial and never a half-written file.
 */
final class PartialResults {
  private final Path file;
  private final List<RunResult> results = new ArrayList<>();

  PartialResults(Path file) {
    this.file = file;
  }

  synchronized void add(BenchmarkResult trial) {
    results.add(new RunResult(trial.getParams(), List.of(trial)));
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    ResultFormatFactory.getInstance(ResultFormatType.JSON, tmp.toString()).writeOut(results);
    try {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep partial results in " + file, e);
    }
  }

  synchronized int count() {
    return results.size();
  }

  /** The run completed and JMH wrote the full file: the partial one would only mislead. */
  void discard() throws IOException {
    Files.deleteIfExists(file);
  }
}
