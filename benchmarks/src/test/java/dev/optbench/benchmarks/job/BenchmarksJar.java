package dev.optbench.benchmarks.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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

  static String output(Path log) throws IOException {
    return Files.readString(log, StandardCharsets.UTF_8);
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
