package dev.optbench.benchmarks.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar as a user starts it, with no --results, in an empty folder: a failed pre-check (an
 * InfluxDB that does not answer) exits 2 and leaves nothing behind — no optbench-results/, no
 * host.json; {@code --help} names the default folder.
 */
class MainJobDefaultFolderIT {
  @TempDir Path cwd;

  @Test
  void aFailedPreCheckLeavesNoRunFolder() throws Exception {
    BenchmarksJar.Finished job =
        BenchmarksJar.runToEnd(
            cwd, List.of(), List.of("--variants", "O0", "--influx", "http://127.0.0.1:1"));

    assertThat(job.exit()).as(job.output()).isEqualTo(2);
    assertThat(job.output()).contains("does not answer /ping");
    try (Stream<Path> left = Files.list(cwd)) {
      assertThat(left.map(p -> p.getFileName().toString())).containsExactly("out.log");
    }
  }

  @Test
  void helpNamesTheDefaultRunFolder() throws Exception {
    BenchmarksJar.Finished help = BenchmarksJar.runToEnd(cwd, List.of(), List.of("--help"));

    assertThat(help.exit()).isZero();
    assertThat(help.output().replaceAll("\\s+", " "))
        .contains("optbench-results/<run-id>/")
        .contains("Default: optbench-results");
  }
}
