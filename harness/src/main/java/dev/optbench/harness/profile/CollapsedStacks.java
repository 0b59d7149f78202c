package dev.optbench.harness.profile;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Folded stacks ({@code a;b;c 1234}, the input of flamegraph.pl and speedscope) from a callgrind
 * profile. Callgrind records call edges, not stacks, so a stack's share is estimated as gprof does:
 * a function's cost on a path is split among its callers in proportion to the calls' costs. The
 * totals per function and per root are exact; the split of a shared callee between its callers is
 * an estimate. Paths cheaper than {@link #MIN_SHARE} of the run are folded into the frame above and
 * recursive calls into the outermost one, so the output stays small and sums to about the run's
 * total.
 */
public final class CollapsedStacks {
  /** Smallest path kept on its own, as a share of the run's instructions. */
  static final double MIN_SHARE = 1e-4;

  private static final int MAX_DEPTH = 96;

  private final FunctionProfile p;
  private final Map<String, Long> out = new LinkedHashMap<>();
  private final double floor;

  private CollapsedStacks(FunctionProfile p) {
    this.p = p;
    this.floor = Math.max(1, p.total() * MIN_SHARE);
  }

  /** Stack (frames joined by ';', root first) to instructions, largest first. */
  public static Map<String, Long> of(FunctionProfile profile) {
    CollapsedStacks s = new CollapsedStacks(profile);
    // A root is a function whose cost is not (all) explained by calls into it: main's caller, and
    // a new thread's start routine, which callgrind books under clone3 with no call into it.
    Map<String, Long> incoming = new HashMap<>();
    profile
        .calls()
        .forEach(
            (caller, callees) ->
                callees.forEach(
                    (callee, ir) -> {
                      if (!callee.equals(caller)) {
                        incoming.merge(callee, ir, Long::sum);
                      }
                    }));
    for (Map.Entry<String, Long> f : profile.inclusive().entrySet()) {
      long unexplained = f.getValue() - incoming.getOrDefault(f.getKey(), 0L);
      if (unexplained >= s.floor) {
        s.walk(f.getKey(), unexplained, new ArrayDeque<>());
      }
    }
    List<Map.Entry<String, Long>> sorted = new ArrayList<>(s.out.entrySet());
    sorted.sort(Map.Entry.<String, Long>comparingByValue().reversed());
    Map<String, Long> result = new LinkedHashMap<>();
    sorted.forEach(e -> result.put(e.getKey(), e.getValue()));
    return result;
  }

  /** One line per stack, as flamegraph.pl reads them. */
  public static String text(Map<String, Long> stacks) {
    StringBuilder b = new StringBuilder();
    stacks.forEach((k, v) -> b.append(k).append(' ').append(v).append('\n'));
    return b.toString();
  }

  private void walk(String fn, double budget, Deque<String> stack) {
    stack.addLast(frame(fn));
    long inclusive = p.inclusive().getOrDefault(fn, 0L);
    double ratio = inclusive == 0 ? 0 : budget / inclusive;
    double kept = p.self().getOrDefault(fn, 0L) * ratio;
    for (Map.Entry<String, Long> call : p.calls().getOrDefault(fn, Map.of()).entrySet()) {
      double share = call.getValue() * ratio;
      if (stack.contains(frame(call.getKey()))) {
        continue; // recursion: the outer call's cost already holds this one
      }
      if (share < floor || stack.size() >= MAX_DEPTH) {
        kept += share;
      } else {
        walk(call.getKey(), share, stack);
      }
    }
    long rounded = Math.round(kept);
    if (rounded > 0) {
      out.merge(String.join(";", stack), rounded, Long::sum);
    }
    stack.removeLast();
  }

  /** ';' separates frames and ' ' the count; function names hold neither, but be sure. */
  private static String frame(String fn) {
    return fn.replace(';', ':').replace(' ', '_');
  }
}
