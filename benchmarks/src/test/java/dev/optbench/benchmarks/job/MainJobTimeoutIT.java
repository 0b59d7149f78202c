package dev.optbench.benchmarks.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optbench.harness.testing.Services;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11's case on real parts: a {@code --timeout} so short that every invocation is cut off (an
 * O0 encode of 10 s of video takes seconds). The verdict printed "O0 1.270x" from the cut-short
 * times; now O0 has no ratio, says why, and the failures are counted beside it.
 */
class MainJobTimeoutIT {
  @TempDir Path tmp;

  @Test
  void invocationsThatAllTimedOutGiveNoRatio() throws Exception {
    Services.dockerHost();
    Path workload =
        TestWorkloads.write(tmp.resolve("w.json"), List.of(TestWorkloads.encode("slow", 60)));

    BenchmarksJar.Finished job =
        BenchmarksJar.runToEnd(
            tmp,
            List.of(),
            List.of(
                "--order",
                "jmh",
                "--variants",
                "O0,O2",
                "--workload",
                workload.toString(),
                "--runtime",
                "docker",
                "--timeout",
                "300ms",
                "-f",
                "1",
                "-wi",
                "0",
                "-i",
                "5"));

    String out = job.output();
    assertThat(job.exit()).as(out).isEqualTo(1);
    String o0 = out.lines().filter(l -> l.startsWith("O0 ")).findFirst().orElseThrow();
    assertThat(o0).as(out).doesNotContainPattern("\\d\\.\\d{3}x").contains("no verdict");
    assertThat(o0).endsWith("5 of 5");
    assertThat(out)
        .contains("O0 slow: no verdict: 0 of 5 invocations succeeded on O0 (5 failed)")
        .contains("slow on O0 timed out (raise --timeout)");
    String median = out.lines().filter(l -> l.startsWith("slow ")).findFirst().orElseThrow();
    assertThat(median).doesNotContainPattern("\\d+\\.\\d").contains("failed");
  }
}
