package dev.optbench.benchmarks.jmh;

import dev.optbench.harness.metrics.ResourceUsage;
import java.util.function.ToDoubleFunction;

/**
 * The kernel-counter totals of one unit as named, unit-bearing metrics: one list for the JMH
 * profiler and for results written outside JMH, so both routes name and scale them alike. The units
 * tell the comparison which way is better (time and size: lower).
 */
public enum UnitMetric {
  /** Wall time measured next to the process by optbench-exec (no sandbox launch overhead). */
  WALL("wall", "ms", u -> u.wallNanos() / 1e6),
  CPU_USER("cpu.user", "ms", u -> known(u.cpuUserNanos()) / 1e6),
  CPU_SYS("cpu.sys", "ms", u -> known(u.cpuSystemNanos()) / 1e6),
  CPU_TOTAL("cpu.total", "ms", u -> known(u.cpuTotalNanos()) / 1e6),
  /**
   * Contention: ms the unit's main thread was runnable but waiting for a CPU (run_delay of {@code
   * /proc/<pid>/schedstat}, read by optbench-exec before reaping; ns precision, kernel accounting),
   * at most what the unit's cores gave to other processes ({@link
   * ResourceUsage#contentionWaitNanos}: waiting behind its own threads is not contention). Worker
   * threads are not counted (they have exited by then); NaN where the kernel lacks
   * CONFIG_SCHED_INFO or /proc hides it.
   */
  CPU_WAIT("cpu.wait", "ms", u -> known(u.contentionWaitNanos()) / 1e6),
  /** CPU total over wall time and the cores the sandbox allows (100 = all of them busy). */
  CPU_PERCENT("cpu.percent", "%", ResourceUsage::cpuPercent),
  MEM_PEAK("mem.peak", "MiB", u -> known(u.memoryPeakBytes()) / 1048576.0),
  IO_READ("io.read", "MiB", u -> known(u.ioReadBytes()) / 1048576.0),
  IO_WRITE("io.write", "MiB", u -> known(u.ioWriteBytes()) / 1048576.0),
  OOM("oom", "#", u -> u.oomKilled() ? 1 : 0),
  /** 1 when the unit did not exit 0 (error exit, signal, OOM kill or timeout). */
  FAILED("failed", "#", u -> u.succeeded() ? 0 : 1);

  private final String label;
  private final String unit;
  private final ToDoubleFunction<ResourceUsage> extractor;

  UnitMetric(String label, String unit, ToDoubleFunction<ResourceUsage> extractor) {
    this.label = label;
    this.unit = unit;
    this.extractor = extractor;
  }

  public String label() {
    return label;
  }

  public String unit() {
    return unit;
  }

  public double of(ResourceUsage usage) {
    return extractor.applyAsDouble(usage);
  }

  /** An unreadable counter (-1) becomes NaN, which JMH JSON writes as "NaN": never a fake 0. */
  private static double known(long value) {
    return value < 0 ? Double.NaN : value;
  }
}
