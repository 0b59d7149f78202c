package dev.optbench.benchmarks.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The verdict and the output format, with fake checks. */
class DoctorTest {

  private static Check fixed(String name, Finding... findings) {
    return new Check() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public List<Finding> run() {
        return List.of(findings);
      }
    };
  }

  private static Check throwing(String name, Exception e) {
    return new Check() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public List<Finding> run() throws Exception {
        throw e;
      }
    };
  }

  private record Outcome(int exit, List<String> lines) {}

  private static Outcome run(Check... checks) {
    StringWriter text = new StringWriter();
    int exit = new Doctor(List.of(checks)).run(new PrintWriter(text));
    return new Outcome(exit, text.toString().lines().toList());
  }

  @Test
  void warningsAloneLeaveTheHostFitAndEachFindingIsOneLine() {
    Outcome o =
        run(
            fixed("a", Finding.ok("make: found")),
            fixed("b", Finding.warn("host swap_enabled", "swapoff -a"), Finding.ok("xz: found")));

    assertThat(o.exit()).isEqualTo(Doctor.HEALTHY);
    assertThat(o.lines())
        .containsExactly(
            "ok    make: found",
            "warn  host swap_enabled  — swapoff -a",
            "ok    xz: found",
            "0 FAIL, 1 warn: this host can run optbench (see the warnings)");
  }

  @Test
  void oneFailMakesTheExitCodeOne() {
    Outcome o =
        run(
            fixed("a", Finding.ok("gcc links static programs")),
            fixed("b", Finding.fail("InfluxDB http://127.0.0.1:1: does not answer", "start it")));

    assertThat(o.exit()).isEqualTo(Doctor.UNFIT);
    assertThat(o.lines())
        .contains("FAIL  InfluxDB http://127.0.0.1:1: does not answer  — start it")
        .last()
        .isEqualTo("1 FAIL, 0 warn: fix the FAIL lines before running optbench");
  }

  @Test
  void aCheckThatThrowsIsAFailNamingItAndTheNextChecksStillRun() {
    Outcome o =
        run(
            throwing("compiler gcc", new IllegalStateException("gcc --version: segfault")),
            fixed("tools", Finding.ok("make: found")));

    assertThat(o.exit()).isEqualTo(Doctor.UNFIT);
    assertThat(o.lines().get(0))
        .isEqualTo(
            "FAIL  compiler gcc: the check failed (IllegalStateException)  — gcc --version:"
                + " segfault");
    assertThat(o.lines()).contains("ok    make: found");
  }

  @Test
  void aCheckWithNoFindingIsNotSilentlyPassed() {
    Outcome o = run(fixed("empty"));

    assertThat(o.exit()).isEqualTo(Doctor.UNFIT);
    assertThat(o.lines().get(0)).startsWith("FAIL  empty: the check reported nothing");
  }

  @Test
  void toolOutputOverSeveralLinesStaysOnOneLine() {
    Finding f =
        Finding.fail(
            "gcc: cannot link a static program:\n  /usr/bin/ld: cannot find -lc\n",
            "install libc6-dev\n");

    assertThat(f.line())
        .isEqualTo(
            "FAIL  gcc: cannot link a static program: | /usr/bin/ld: cannot find -lc  — install"
                + " libc6-dev")
        .doesNotContain("\n");
  }
}
