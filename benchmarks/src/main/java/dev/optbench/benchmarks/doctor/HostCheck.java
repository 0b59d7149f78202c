package dev.optbench.benchmarks.doctor;

import dev.optbench.harness.host.HostChecks;
import dev.optbench.harness.host.HostInfo;
import dev.optbench.harness.host.HostReport;
import java.util.List;
import java.util.Locale;

/**
 * The same host warnings {@code optbench run} prints and stores with results ({@link HostChecks}):
 * they make timings noisy, never impossible, so they are warnings.
 */
public final class HostCheck implements Check {
  private final HostReport report;

  public HostCheck(HostReport report) {
    this.report = report;
  }

  @Override
  public String name() {
    return "host";
  }

  @Override
  public List<Finding> run() {
    HostInfo h = report.host();
    if (report.warnings().isEmpty()) {
      return List.of(
          Finding.ok(
              String.format(
                  Locale.ROOT,
                  "host %s: %d logical cores, no swap, load %.2f, governor %s",
                  h.machine(),
                  h.logicalCores(),
                  h.loadAverage1m(),
                  h.governor())));
    }
    return report.warnings().stream()
        .map(w -> Finding.warn("host " + w.code().toLowerCase(Locale.ROOT), w.message()))
        .toList();
  }
}
