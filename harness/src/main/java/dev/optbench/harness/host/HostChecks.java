package dev.optbench.harness.host;

import java.util.ArrayList;
import java.util.List;

/** Looks at a {@link HostInfo} and says what makes the host unfit for benchmarking. */
public final class HostChecks {
  /**
   * Load average per logical core above which the host counts as busy. At half the cores, at least
   * one core of a two-core machine is already taken by something else.
   */
  public static final double BUSY_LOAD_PER_CORE = 0.5;

  private HostChecks() {}

  /**
   * @param code stable identifier ({@link HostWarning#name()}) for scripts
   * @param message for the user
   */
  public record Finding(String code, String message) {}

  public static List<HostWarning> check(HostInfo h) {
    List<HostWarning> warnings = new ArrayList<>();
    if (h.swapBytes() > 0) {
      warnings.add(HostWarning.SWAP_ENABLED);
    }
    if (h.loadAverage1m() >= BUSY_LOAD_PER_CORE * h.logicalCores()) {
      warnings.add(HostWarning.OTHER_LOAD);
    }
    boolean governorKnown = !h.governor().equals(HostInfo.UNKNOWN);
    if (governorKnown && !h.governor().equals(Governor.PERFORMANCE)) {
      warnings.add(HostWarning.GOVERNOR_NOT_PERFORMANCE);
    }
    if (h.logicalCores() < 2) {
      warnings.add(HostWarning.FEW_CORES);
    }
    return warnings;
  }

  /** The warnings with their messages, as stored next to results. */
  public static List<Finding> findings(HostInfo h) {
    return check(h).stream().map(w -> new Finding(w.name(), w.message(h))).toList();
  }
}
