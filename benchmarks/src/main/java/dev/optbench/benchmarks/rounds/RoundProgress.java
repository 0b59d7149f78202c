package dev.optbench.benchmarks.rounds;

import dev.optbench.benchmarks.jmh.UnitMetric;
import dev.optbench.harness.metrics.ResourceUsage;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One line per round (log-safe: no carriage returns) with the round's measured unit wall time, its
 * own wall time and what is left; at the end, the stage's wall time against the sum of measured
 * unit wall, the overhead the target (≤ 1.10) is about.
 */
public final class RoundProgress {
  private final PrintStream out;
  private RoundOrder order;
  private long stageStart;
  private long roundStart;
  private double warmupUnitMillis;
  private double measuredUnitMillis;
  private int round;

  public RoundProgress(PrintStream out, RoundOrder order) {
    this.out = out;
    this.order = order;
  }

  /** More rounds were added (a precision target): the count and what is left follow them. */
  public void extended(RoundOrder longer) {
    this.order = longer;
  }

  public void stageStarted() {
    stageStart = System.nanoTime();
    roundStart = stageStart;
  }

  public void warmupDone(List<ResourceUsage> usage) {
    double unitMillis = usage.stream().mapToDouble(UnitMetric.WALL::of).sum();
    warmupUnitMillis += unitMillis;
    long now = System.nanoTime();
    out.printf(
        Locale.ROOT,
        "[warm-up] %d pairs: unit wall %s, round %s%n",
        order.pairs().size(),
        secs((long) (unitMillis * 1e6)),
        secs(now - roundStart));
    roundStart = now;
  }

  public void roundDone(Map<Pair, ResourceUsage> usage) {
    round++;
    long now = System.nanoTime();
    double unitMillis = usage.values().stream().mapToDouble(UnitMetric.WALL::of).sum();
    measuredUnitMillis += unitMillis;
    long failed = usage.values().stream().filter(u -> !u.succeeded()).count();
    long perRound = (now - stageStart) / round;
    out.printf(
        Locale.ROOT,
        "[round %2d/%d] %d pairs: unit wall %s, round %s%s; elapsed %s, left ~%s%n",
        round,
        order.rounds().size(),
        usage.size(),
        secs((long) (unitMillis * 1e6)),
        secs(now - roundStart),
        failed == 0 ? "" : ", " + failed + " failed (!)",
        secs(now - stageStart),
        secs(perRound * (order.rounds().size() - round)));
    roundStart = now;
  }

  /** Stage wall time over measured unit wall; NaN before any round. */
  public double overhead() {
    return (System.nanoTime() - stageStart) / 1e6 / measuredUnitMillis;
  }

  /**
   * Stage wall time over all unit wall, warm-ups' too: what the harness adds around the units
   * (launch, counters, work-folder reset, results written after each round).
   */
  public double harnessOverhead() {
    return (System.nanoTime() - stageStart) / 1e6 / (measuredUnitMillis + warmupUnitMillis);
  }

  public void stageEnded() {
    out.printf(
        Locale.ROOT,
        "interleaved stage: %s for %s of measured unit wall (%.2fx, warm-ups included; %.2fx over"
            + " every unit's wall, warm-ups' %s too: what the harness adds; sandboxes opened once"
            + " per variant)%n",
        secs(System.nanoTime() - stageStart),
        secs((long) (measuredUnitMillis * 1e6)),
        overhead(),
        harnessOverhead(),
        secs((long) (warmupUnitMillis * 1e6)));
  }

  private static String secs(long nanos) {
    return String.format(Locale.ROOT, "%.1fs", nanos / 1e9);
  }
}
