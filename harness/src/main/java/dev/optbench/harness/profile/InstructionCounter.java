package dev.optbench.harness.profile;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Counts the user-space instructions one command executes, in a pass of its own (never inside a
 * timed invocation: the simulator slows a command ~40x, a counter session perturbs its timing). Two
 * providers: valgrind's callgrind (any host; exact and per function) and {@code perf stat -e
 * instructions:u} (hosts with hardware counters; total only).
 */
public interface InstructionCounter {
  /** {@code callgrind} or {@code perf}. */
  String name();

  /** Whether this host can run it, and why not. */
  Availability availability();

  /**
   * Runs {@code program args} in {@code workDir} and counts.
   *
   * @param profileOut where to keep the provider's raw profile (e.g. callgrind.out), if it has one
   * @throws CountFailedException when the command failed or the tool produced no count
   */
  Count count(Path program, List<String> args, Path workDir, Path profileOut, Duration timeout);

  /** Whether a counter works here; {@code reason} is written for the user either way. */
  record Availability(boolean ok, String reason) {}

  /**
   * One counted command.
   *
   * @param instructions user-space instructions executed (callgrind's Ir)
   * @param profile per-function costs; {@link FunctionProfile#EMPTY} for a total-only provider
   * @param where what ran it, said in the output and the results (e.g. "callgrind on the host")
   */
  record Count(long instructions, FunctionProfile profile, String where) {}
}
