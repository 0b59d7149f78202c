package dev.optbench.benchmarks.rounds;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How long two or more engines were busy at once, from their invocations' spans: what running
 * engines in parallel gains over one after the other. An engine runs its own pairs one after the
 * other, so its spans never overlap each other and every overlap counted is between engines.
 */
public final class Overlap {
  private Overlap() {}

  /** Nanoseconds during which at least two of {@code invocations} were running. */
  public static long nanos(List<Invocation> invocations) {
    List<long[]> edges = new ArrayList<>(); // {time, +1 start | -1 end}
    for (Invocation i : invocations) {
      edges.add(new long[] {i.startNanos(), 1});
      edges.add(new long[] {i.endNanos(), -1});
    }
    // at equal times ends first: spans that only touch do not overlap
    edges.sort(Comparator.<long[]>comparingLong(e -> e[0]).thenComparingLong(e -> e[1]));
    long overlap = 0;
    int running = 0;
    long since = 0;
    for (long[] e : edges) {
      if (running >= 2) {
        overlap += e[0] - since;
      }
      running += (int) e[1];
      since = e[0];
    }
    return overlap;
  }
}
