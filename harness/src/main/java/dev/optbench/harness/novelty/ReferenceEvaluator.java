package dev.optbench.harness.novelty;

import dev.optbench.harness.exec.ExecReport;
import dev.optbench.harness.workload.Command;
import dev.optbench.harness.workload.InputMode;
import dev.optbench.harness.workload.MediaLibrary;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs each command under {@code optbench-exec} in a fresh {@code <workDir>/eval} directory (its
 * current directory, so the command's relative paths land there) and measures it. The helper's
 * rusage is ffmpeg's own: CPU user+sys, peak RSS. Output bytes are the files left behind.
 */
public final class ReferenceEvaluator implements Evaluator {
  private static final int DIAGNOSTIC_CHARS = 600;
  private final Path binary;
  private final Path helper;
  private final Path workDir;
  private final Duration timeout;
  private final InputMode inputMode;
  private final MediaLibrary media;

  public ReferenceEvaluator(
      Path binary, Path helper, Path workDir, Duration timeout, InputMode mode) {
    this.binary = binary.toAbsolutePath();
    this.helper = helper.toAbsolutePath();
    this.workDir = workDir.toAbsolutePath();
    this.timeout = timeout;
    this.inputMode = mode;
    this.media = new MediaLibrary(this.binary, this.workDir.resolve("media"));
  }

  @Override
  public Evaluation evaluate(Command command) {
    try {
      Path dir = freshDir();
      if (inputMode == InputMode.FILES) {
        command.inputs().forEach(media::ensure);
        Files.createSymbolicLink(dir.resolve("inputs"), media.root().resolve("inputs"));
      }
      return measure(command.steps(), dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot evaluate in " + workDir, e);
    }
  }

  /**
   * Runs and measures steps that read no input files (live lavfi inputs, or none) in a fresh work
   * folder: what the main job uses to time a unit on the baseline before deciding its length.
   */
  public Evaluation evaluateSteps(List<List<String>> steps) {
    try {
      return measure(steps, freshDir());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot evaluate in " + workDir, e);
    }
  }

  private Evaluation measure(List<List<String>> steps, Path dir) throws IOException {
    long cpu = 0;
    long wall = 0;
    long rss = 0;
    for (List<String> step : steps) {
      Run run = run(step, dir);
      cpu += run.report == null ? 0 : run.report.userMicros() + run.report.sysMicros();
      wall += run.report == null ? 0 : run.report.wallNanos();
      rss = Math.max(rss, run.report == null ? 0 : run.report.maxRssKib());
      int exit = run.report == null ? -1 : run.report.exitCode();
      int signal = run.report == null ? 0 : run.report.signal();
      Outcome outcome = FailureClassifier.classify(run.timedOut, exit, signal, run.stderr);
      if (outcome != Outcome.VALID) {
        Behaviour b = new Behaviour(cpu, wall, rss, 0);
        return new Evaluation(outcome, b, exit, signal, tail(run.stderr));
      }
    }
    return Evaluation.valid(new Behaviour(cpu, wall, rss, outputBytes(dir)));
  }

  private record Run(ExecReport report, boolean timedOut, String stderr) {}

  private Run run(List<String> step, Path dir) throws IOException {
    Path report = workDir.resolve("eval-report.json");
    Path stderr = workDir.resolve("eval-stderr.txt");
    Files.deleteIfExists(report);
    List<String> cmd = new ArrayList<>(List.of(helper.toString(), "--report", report.toString()));
    cmd.add("--");
    cmd.add(binary.toString());
    cmd.addAll(step.subList(1, step.size()));
    ProcessBuilder builder =
        new ProcessBuilder(cmd)
            .directory(dir.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(stderr.toFile());
    // ffmpeg needs no environment; the JVM's may hold secrets (OPTBENCH_INFLUX_PASSWORD)
    builder.environment().clear();
    builder.environment().put("LC_ALL", "C");
    Process p = builder.start();
    boolean timedOut = false;
    try {
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        timedOut = true;
        p.destroy(); // SIGTERM: optbench-exec forwards it to ffmpeg and still reports
        if (!p.waitFor(5, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          p.waitFor();
        }
      }
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while evaluating " + step, e);
    }
    ExecReport r = Files.exists(report) ? ExecReport.parse(Files.readString(report)) : null;
    if (r != null && !r.error().isEmpty()) {
      throw new IllegalStateException(
          "optbench-exec could not start the reference binary " + binary + ": " + r.error());
    }
    return new Run(r, timedOut, Files.readString(stderr, StandardCharsets.UTF_8));
  }

  private Path freshDir() throws IOException {
    Path dir = workDir.resolve("eval");
    if (Files.exists(dir)) {
      try (Stream<Path> all = Files.walk(dir)) {
        for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    return Files.createDirectories(dir);
  }

  private static long outputBytes(Path dir) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      return all.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  private static String tail(String stderr) {
    String s = ExecReport.stripReport(stderr).strip();
    return s.length() <= DIAGNOSTIC_CHARS ? s : s.substring(s.length() - DIAGNOSTIC_CHARS);
  }
}
