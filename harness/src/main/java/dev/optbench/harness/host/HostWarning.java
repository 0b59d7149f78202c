package dev.optbench.harness.host;

import java.util.Locale;

/**
 * Everything that makes a host unfit for trustworthy timings, as a closed set with messages written
 * for the user (hyperfine style). Stored with results so a reader sees them too.
 */
public enum HostWarning {
  SWAP_ENABLED {
    @Override
    public String message(HostInfo h) {
      return String.format(
          Locale.ROOT,
          "Swap is enabled (%d MiB): memory-heavy units may be swapped instead of measured. "
              + "Disable it with 'swapoff -a' while benchmarking.",
          h.swapBytes() >> 20);
    }
  },
  OTHER_LOAD {
    @Override
    public String message(HostInfo h) {
      return String.format(
          Locale.ROOT,
          "The system is busy (load average %.2f on %d logical cores): other programs compete for"
              + " the CPU and make timings noisy. Stop them or benchmark on an idle machine.",
          h.loadAverage1m(),
          h.logicalCores());
    }
  },
  GOVERNOR_NOT_PERFORMANCE {
    @Override
    public String message(HostInfo h) {
      return "The CPU frequency governor is '"
          + h.governor()
          + "', not 'performance': the clock speed changes with load and skews timings. Set it"
          + " with 'cpupower frequency-set -g performance'.";
    }
  },
  FEW_CORES {
    @Override
    public String message(HostInfo h) {
      return "Only "
          + h.logicalCores()
          + " logical core: the units share it with the harness and the metrics collector, so"
          + " timings include their work. Use a machine with at least 2 cores.";
    }
  };

  /** What the user reads, with this host's numbers in it. */
  public abstract String message(HostInfo host);
}
