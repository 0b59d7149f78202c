package dev.optbench.benchmarks.job;

import dev.optbench.harness.files.AtomicFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
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
    write(results, file);
  }

  /**
   * JMH's JSON of {@code results} in {@code file}, atomically. Rendered in memory: JMH's own file
   * writer prints through a PrintStream, which swallows write errors, so a full disk left a cut or
   * empty file that looked written.
   */
  static void write(Collection<RunResult> results, Path file) {
    ByteArrayOutputStream json = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(json, false, StandardCharsets.UTF_8);
    ResultFormatFactory.getInstance(ResultFormatType.JSON, out).writeOut(results);
    out.flush();
    AtomicFile.write(file, json.toByteArray());
  }

  synchronized int count() {
    return results.size();
  }

  /** The run completed and JMH wrote the full file: the partial one would only mislead. */
  void discard() throws IOException {
    Files.deleteIfExists(file);
  }
}
