package dev.optbench.harness.profile;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Instructions per function of one run: self (in the function's own code, including what the
 * compiler inlined into it) and inclusive (self plus its calls), and the call edges with the
 * instructions spent below each, as callgrind records them. Functions are keyed by their symbol
 * name; a name several files define (static functions) carries its file: {@code init [aacenc.c]}.
 *
 * @param total instructions of the whole run
 * @param calls caller to callee to the instructions spent in that callee on calls from caller
 */
public record FunctionProfile(
    long total,
    Map<String, Long> self,
    Map<String, Long> inclusive,
    Map<String, Map<String, Long>> calls) {
  /** The profile of a provider that counts only the total. */
  public static final FunctionProfile EMPTY = new FunctionProfile(0, Map.of(), Map.of(), Map.of());

  public FunctionProfile {
    self = Map.copyOf(self);
    inclusive = Map.copyOf(inclusive);
    Map<String, Map<String, Long>> c = new HashMap<>();
    calls.forEach((k, v) -> c.put(k, Map.copyOf(v)));
    calls = Map.copyOf(c);
  }

  public boolean isEmpty() {
    return self.isEmpty();
  }

  /** The sum of several runs' profiles (the steps of one unit). */
  public static FunctionProfile sum(List<FunctionProfile> parts) {
    long total = 0;
    Map<String, Long> self = new LinkedHashMap<>();
    Map<String, Long> inclusive = new LinkedHashMap<>();
    Map<String, Map<String, Long>> calls = new LinkedHashMap<>();
    for (FunctionProfile p : parts) {
      total += p.total();
      p.self().forEach((k, v) -> self.merge(k, v, Long::sum));
      p.inclusive().forEach((k, v) -> inclusive.merge(k, v, Long::sum));
      p.calls()
          .forEach(
              (caller, callees) ->
                  callees.forEach(
                      (callee, v) ->
                          calls
                              .computeIfAbsent(caller, x -> new LinkedHashMap<>())
                              .merge(callee, v, Long::sum)));
    }
    return new FunctionProfile(total, self, inclusive, calls);
  }
}
