package dev.optbench.harness.host;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HostChecksTest {
  private static HostInfo host(int cores, long swap, String governor, double load) {
    return new HostInfo(
        "m", "Linux", "6.1", "cpu", cores, cores, -1, -1, 8L << 30, swap, "V2", governor, load);
  }

  @Test
  void aQuietWellSetUpHostHasNoWarnings() {
    assertThat(HostChecks.check(host(4, 0, "performance", 0.1))).isEmpty();
    assertThat(HostChecks.check(host(2, 0, HostInfo.UNKNOWN, 0.0)))
        .as("no cpufreq (VMs) is unknown, not a warning")
        .isEmpty();
  }

  @Test
  void everyProblemIsNamedWithTheHostsNumbers() {
    HostInfo bad = host(1, 2L << 30, "powersave", 0.9);
    assertThat(HostChecks.check(bad))
        .containsExactly(
            HostWarning.SWAP_ENABLED,
            HostWarning.OTHER_LOAD,
            HostWarning.GOVERNOR_NOT_PERFORMANCE,
            HostWarning.FEW_CORES);
    assertThat(HostWarning.SWAP_ENABLED.message(bad)).contains("2048 MiB").contains("swapoff");
    assertThat(HostWarning.OTHER_LOAD.message(bad)).contains("0.90").contains("1 logical");
    assertThat(HostWarning.GOVERNOR_NOT_PERFORMANCE.message(bad)).contains("'powersave'");
    assertThat(HostChecks.findings(bad).get(0).code()).isEqualTo("SWAP_ENABLED");
  }

  @Test
  void loadCountsAsBusyFromHalfTheCores() {
    assertThat(HostChecks.check(host(2, 0, "performance", 0.99))).isEmpty();
    assertThat(HostChecks.check(host(2, 0, "performance", 1.0)))
        .containsExactly(HostWarning.OTHER_LOAD);
  }
}
