package dev.optbench.harness.profile;

import java.util.List;

/**
 * Picks the instruction counter: callgrind, which gives exact per-function profiles on any host, or
 * {@code --counter perf} for the hardware counter where the host has one. The choice and the reason
 * are said out loud, like the runtime's.
 */
public final class InstructionCounters {
  private InstructionCounters() {}

  public static List<InstructionCounter> all() {
    return List.of(new CallgrindCounter(), new PerfStatCounter());
  }

  /**
   * The named counter, checked before any long work.
   *
   * @throws IllegalArgumentException naming the counters, or saying why the one asked for cannot
   *     run here
   */
  public static InstructionCounter require(String name) {
    InstructionCounter c =
        all().stream()
            .filter(x -> x.name().equals(name))
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "unknown instruction counter '" + name + "'; use callgrind or perf"));
    InstructionCounter.Availability a = c.availability();
    if (!a.ok()) {
      throw new IllegalArgumentException(
          "the " + name + " instruction counter cannot run here: " + a.reason());
    }
    return c;
  }
}
