package dev.optbench.harness.host;

import java.util.List;

/**
 * What is stored with every result about the machine: its facts and the warnings they raise.
 *
 * @param host the facts
 * @param warnings codes and messages of {@link HostChecks}, empty for a fit host
 */
public record HostReport(HostInfo host, List<HostChecks.Finding> warnings, Protection protection) {
  public HostReport {
    warnings = List.copyOf(warnings);
  }

  public HostReport(HostInfo host, List<HostChecks.Finding> warnings) {
    this(host, warnings, Protection.NOT_YET);
  }

  /**
   * How the units were kept from the host's other work (issue 13 item 4), and what the run changed
   * on the host for its own speed, in words, as the console said them.
   *
   * @param cpuWeight the sandboxes' CPU weight, as the runtime describes it
   * @param coreReservation what moved where, or why nothing did
   * @param cgroupMigrations whether the cgroup2 mount got {@code favordynmods} for the run, or why
   *     not
   */
  public record Protection(String cpuWeight, String coreReservation, String cgroupMigrations) {
    /** Before the runtime is chosen: what a host.json written that early says. */
    public static final Protection NOT_YET =
        new Protection("not chosen yet", "not chosen yet", "not chosen yet");
  }

  public HostReport withProtection(Protection p) {
    return new HostReport(host, warnings, p);
  }

  public static HostReport of(HostInfo host) {
    return new HostReport(host, HostChecks.findings(host));
  }

  public static HostReport collect() {
    return of(HostInfo.collect());
  }
}
