package dev.optbench.harness.novelty;

/**
 * What one command cost on the reference binary, as optbench-exec reports it for the child alone
 * (summed over the passes of a two-pass unit; peak memory is the largest pass).
 */
public record Behaviour(long cpuMicros, long wallNanos, long maxRssKib, long outputBytes) {
  /** "threads used" is CPU time over wall time; scaled by this many threads to reach 1. */
  public static final double THREAD_SCALE = 4;

  public static final Behaviour NONE = new Behaviour(0, 0, 0, 0);

  public double threadsUsed() {
    return wallNanos <= 0 ? 0 : cpuMicros * 1000.0 / wallNanos;
  }

  /**
   * The behaviour descriptor in [0, 1]^4: log CPU time (1 ms..100 s), log peak RSS (1 MiB..3 GiB),
   * log output bytes (1 B..10 GB), threads used. Logs, because costs span orders of magnitude and a
   * command ten times heavier is what "different" means here. Fixed bounds keep the mapping
   * independent of what else was measured.
   */
  public double[] normalised() {
    return new double[] {
      clamp(Math.log10(1 + cpuMicros / 1000.0) / 5),
      clamp((Math.log10(Math.max(1, maxRssKib)) - 3) / 3.5),
      clamp(Math.log10(1.0 + outputBytes) / 10),
      clamp(threadsUsed() / THREAD_SCALE)
    };
  }

  /**
   * Where novelty is measured in behaviour space: CPU, memory and output of {@link #normalised()},
   * without "threads used". That one divides by wall time, which on a shared machine says more
   * about the neighbours' load than about the command, and it is not a coverage dimension.
   */
  public double[] descriptor() {
    return java.util.Arrays.copyOf(normalised(), 3);
  }

  private static double clamp(double v) {
    return Math.max(0, Math.min(1, v));
  }
}
