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
 * unit wall, the overhead the target (≤ 1.10) is about. When several engines run their
 * lanes side by side, the round's line also says what each engine did and how long they were busy
 * together, and the stage ends with a line per engine (its units, and what the harness costs per
 * unit there) and the run's units per minute.
 */
public final class RoundProgress {
  private final PrintStream out;
  private RoundOrder order;
  private long stageStart;
  private long roundStart;
  private double warmupUnitMillis;
  private double measuredUnitMillis;
  private int round;
  private long roundsNanos;
  private long overlapNanos;
  private final Map<String, EngineTally> engines = new java.util.TreeMap<>();

  /** One engine's measured invocations so far. */
  private static final class EngineTally {
    int units;
    long spanNanos;
    double unitMillis;
  }

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
    roundDone(usage, List.of());
  }

  /**
   * @param invocations the round's invocations with their spans; lanes of several engines add what
   *     each engine did to the line, one engine (or none given) prints the line as it always was
   */
  public void roundDone(Map<Pair, ResourceUsage> usage, List<Invocation> invocations) {
    round++;
    long now = System.nanoTime();
    roundsNanos += now - roundStart;
    double unitMillis = usage.values().stream().mapToDouble(UnitMetric.WALL::of).sum();
    measuredUnitMillis += unitMillis;
    long failed = usage.values().stream().filter(u -> !u.succeeded()).count();
    long perRound = (now - stageStart) / round;
    out.printf(
        Locale.ROOT,
        "[round %2d/%d] %d pairs: unit wall %s, round %s%s%s; elapsed %s, left ~%s%n",
        round,
        order.rounds().size(),
        usage.size(),
        secs((long) (unitMillis * 1e6)),
        secs(now - roundStart),
        lanes(invocations),
        failed == 0 ? "" : ", " + failed + " failed (!)",
        secs(now - stageStart),
        secs(perRound * (order.rounds().size() - round)));
    roundStart = now;
  }

  /**
   * " (a: 2 pairs in 1.7s, b: 2 in 1.6s; together 1.5s)", or "" for one engine. Named engines'
   * invocations are also counted for the lines at the stage's end.
   */
  private String lanes(List<Invocation> invocations) {
    Map<String, List<Invocation>> byEngine = new java.util.TreeMap<>();
    invocations.forEach(
        i -> byEngine.computeIfAbsent(i.pair().engine(), e -> new java.util.ArrayList<>()).add(i));
    byEngine.remove(""); // the run's one unnamed engine: its lines stay as they always were
    byEngine.forEach(
        (engine, done) -> {
          EngineTally t = engines.computeIfAbsent(engine, e -> new EngineTally());
          t.units += done.size();
          t.spanNanos += done.stream().mapToLong(Invocation::spanNanos).sum();
          t.unitMillis += done.stream().mapToDouble(i -> UnitMetric.WALL.of(i.usage())).sum();
        });
    if (order.pairs().stream().map(Pair::engine).distinct().count() < 2) {
      return "";
    }
    List<String> parts = new java.util.ArrayList<>();
    byEngine.forEach(
        (engine, done) -> {
          long busy = done.get(done.size() - 1).endNanos() - done.get(0).startNanos();
          parts.add(
              engine + ": " + done.size() + (parts.isEmpty() ? " pairs in " : " in ") + secs(busy));
        });
    long together = Overlap.nanos(invocations);
    overlapNanos += together;
    return " (" + String.join(", ", parts) + "; together " + secs(together) + ")";
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
    engines.forEach(
        (engine, t) ->
            out.printf(
                Locale.ROOT,
                "engine %s: %d units measured, %s busy for %s of unit wall: %.0f ms per unit"
                    + " around the unit (work-folder reset, launch, counters, copies)%n",
                engine,
                t.units,
                secs(t.spanNanos),
                secs((long) (t.unitMillis * 1e6)),
                t.units == 0 ? 0 : (t.spanNanos / 1e6 - t.unitMillis) / t.units));
    if (!engines.isEmpty()) {
      int units = engines.values().stream().mapToInt(t -> t.units).sum();
      out.printf(
          Locale.ROOT,
          "measured rounds: %d units in %s, %.1f units per minute%s%n",
          units,
          secs(roundsNanos),
          units / (roundsNanos / 60e9),
          engines.size() < 2
              ? ""
              : String.format(
                  Locale.ROOT,
                  "; two or more engines busy together %s (%.0f %%)",
                  secs(overlapNanos),
                  100.0 * overlapNanos / roundsNanos));
    }
    if (measuredUnitMillis == 0) {
      // no ratio to give: "Infinityx" was printed here when a run stopped before any unit ran
      out.printf(
          Locale.ROOT,
          "interleaved stage: %s, no unit measured%n",
          secs(System.nanoTime() - stageStart));
      return;
    }
    out.printf(
        Locale.ROOT,
        "interleaved stage: %s for %s of measured unit wall (%.2fx, warm-ups included; %.2fx over"
            + " every unit's wall, warm-ups' %s too: what the harness adds; sandboxes opened once"
            + " per variant%s)%n",
        secs(System.nanoTime() - stageStart),
        secs((long) (measuredUnitMillis * 1e6)),
        overhead(),
        harnessOverhead(),
        secs((long) (warmupUnitMillis * 1e6)),
        engines.size() < 2
            ? ""
            : "; the engines' unit walls add up while they run side by side, so below 1x is"
                + " their parallel work, the per-engine lines above are the harness's cost");
  }

  private static String secs(long nanos) {
    return String.format(Locale.ROOT, "%.1fs", nanos / 1e9);
  }
}
