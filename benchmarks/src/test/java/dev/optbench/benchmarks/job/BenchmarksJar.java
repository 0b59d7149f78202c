package dev.optbench.benchmarks.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Starts the shaded {@code benchmarks.jar} the way users do ({@code java -jar}), in a folder of the
 * test's, output to a file. The jar is built by {@code package}, before failsafe's ITs run.
 */
final class BenchmarksJar {
  static final Path JAR = Path.of("target", "benchmarks.jar").toAbsolutePath();

  private BenchmarksJar() {}

  static Process start(Path cwd, Path log, List<String> jvmArgs, List<String> args)
      throws IOException {
    assertThat(JAR).as("benchmarks.jar (built by mvn package)").isRegularFile();
    List<String> cmd = new ArrayList<>();
    // SIGINT as a user's shell gives it: a build started in the background of a non-interactive
    // shell (`.ci/run &`) passes SIGINT on ignored, the JVM then never sees Ctrl-C, and
    // MainJobInterruptIT's run went on to the end (seen twice here). env execs java: same pid.
    cmd.addAll(List.of("env", "--default-signal=INT"));
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvmArgs);
    cmd.add("-jar");
    cmd.add(JAR.toString());
    cmd.addAll(args);
    return new ProcessBuilder(cmd)
        .directory(cwd.toFile())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
        .start();
  }

  /** How a run of the jar ended: its exit code and everything it printed. */
  record Finished(int exit, String output) {}

  /** Runs the jar in {@code cwd} to its end (at most 15 minutes), output kept in out.log. */
  static Finished runToEnd(Path cwd, List<String> jvmArgs, List<String> args)
      throws IOException, InterruptedException {
    Path log = cwd.resolve("out.log");
    Process p = start(cwd, log, jvmArgs, args);
    assertThat(p.waitFor(15, java.util.concurrent.TimeUnit.MINUTES)).as("finished").isTrue();
    return new Finished(p.exitValue(), output(log));
  }

  static String output(Path log) throws IOException {
    return Files.readString(log, StandardCharsets.UTF_8);
  }

  /**
   * Waits up to 10 minutes for the run's {@code jmh.partial.json} under {@code results} (its first
   * finished round or trial); empty when the process ended before. After 10 minutes the process is
   * killed and the test fails with its output.
   */
  static Optional<Path> awaitPartialResults(Process p, Path results, Path log) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
    while (Instant.now().isBefore(deadline)) {
      if (!p.isAlive()) {
        return Optional.empty();
      }
      if (Files.isDirectory(results)) {
        try (var runs = Files.list(results)) {
          for (Path run : runs.toList()) {
            Path partial = run.resolve("jmh.partial.json");
            if (Files.isRegularFile(partial)) {
              return Optional.of(partial);
            }
          }
        }
      }
      Thread.sleep(200);
    }
    p.destroyForcibly();
    throw new AssertionError("no round finished in time:\n" + output(log));
  }

  /** The single run folder a main job made under {@code results}. */
  static Path runFolder(Path results) throws IOException {
    try (var list = Files.list(results)) {
      List<Path> runs = list.filter(p -> p.getFileName().toString().startsWith("run-")).toList();
      assertThat(runs).as("run folders in " + results).hasSize(1);
      return runs.get(0);
    }
  }
}
