package dev.optbench.harness.host;

import java.util.List;

/**
 * What is stored with every result about the machine: its facts and the warnings they raise.
 *
 * @param host the facts
 * @param warnings codes and messages of {@link HostChecks}, empty for a fit host
 */
public record HostReport(HostInfo host, List<HostChecks.Finding> warnings) {
  public HostReport {
    warnings = List.copyOf(warnings);
  }

  public static HostReport of(HostInfo host) {
    return new HostReport(host, HostChecks.findings(host));
  }

  public static HostReport collect() {
    return of(HostInfo.collect());
  }
}
