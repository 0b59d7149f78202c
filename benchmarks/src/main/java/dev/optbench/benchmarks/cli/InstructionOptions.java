package dev.optbench.benchmarks.cli;

import dev.optbench.benchmarks.profile.InstructionPass;
import dev.optbench.harness.profile.InstructionCounter;
import dev.optbench.harness.profile.InstructionCounters;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --instructions [--counter callgrind|perf]}: the opt-in instruction pass. */
public final class InstructionOptions {
  @Option(
      names = "--instructions",
      description =
          "After the timed runs, count each unit's instructions in a pass of its own (valgrind's"
              + " callgrind on the host, ~40x slower than native; the images have no valgrind)"
              + " and keep per-function profiles. Adds the secondary metric `instructions`.")
  boolean enabled;

  @Option(
      names = "--counter",
      paramLabel = "C",
      defaultValue = "callgrind",
      description =
          "callgrind (exact, per function, any host) or perf (perf stat -e instructions:u,"
              + " hardware counters only). Default: ${DEFAULT-VALUE}.")
  String counter;

  /** The pass, checked before any long work; empty when not asked for. */
  public Optional<InstructionPass> pass(Duration timeout, PrintStream out) {
    if (!enabled) {
      return Optional.empty();
    }
    InstructionCounter c = InstructionCounters.require(counter);
    out.println("instructions: " + c.name() + ", " + c.availability().reason());
    return Optional.of(new InstructionPass(c, timeout, out));
  }
}
