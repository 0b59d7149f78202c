package dev.optbench.benchmarks.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optbench.harness.host.HostInfo;
import dev.optbench.harness.host.HostReport;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostCheckTest {
  private static HostInfo host(int cores, long swapBytes, double load) {
    return new HostInfo(
        "box",
        "Debian 12",
        "6.1",
        "EPYC",
        cores,
        cores,
        -1,
        -1,
        8L << 30,
        swapBytes,
        "V1",
        HostInfo.UNKNOWN,
        load);
  }

  @Test
  void eachHostWarningIsOneWarnLineWithItsAdvice() {
    List<Finding> f = new HostCheck(HostReport.of(host(1, 2L << 30, 0.1))).run();

    assertThat(f).extracting(Finding::verdict).containsOnly(Verdict.WARN);
    assertThat(f).extracting(Finding::what).contains("host swap_enabled", "host few_cores");
    assertThat(f.get(0).fix()).contains("swapoff -a");
    assertThat(Doctor.exitCode(f)).isEqualTo(Doctor.HEALTHY);
  }

  @Test
  void aFitHostIsOneOkLine() {
    List<Finding> f = new HostCheck(HostReport.of(host(4, 0, 0.1))).run();

    assertThat(f).singleElement().extracting(Finding::verdict).isEqualTo(Verdict.OK);
    assertThat(f.get(0).what()).contains("box").contains("4 logical cores");
  }
}
