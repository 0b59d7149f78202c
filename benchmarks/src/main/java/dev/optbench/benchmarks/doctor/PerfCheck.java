package dev.optbench.benchmarks.doctor;

import dev.optbench.build.proc.ProcessRunner;
import dev.optbench.build.util.Executables;
import java.time.Duration;
import java.util.List;

/**
 * Hardware performance counters (cycles, instructions) are optional: optbench measures without
 * them. Many VMs expose none, and {@code perf stat} then says {@code <not supported>}.
 */
public final class PerfCheck implements Check {
  private static final List<String> PROBE =
      List.of("perf", "stat", "-x", ",", "-e", "cycles,instructions", "true");

  @Override
  public String name() {
    return "perf counters";
  }

  @Override
  public List<Finding> run() {
    String optional = "optional: optbench measures without them";
    if (!Executables.onPath("perf")) {
      return List.of(
          Finding.warn(
              "perf counters: unavailable, perf is not installed",
              optional + "; apt-get install linux-perf"));
    }
    ProcessRunner.Result r = ProcessRunner.capture(PROBE, null, null, Duration.ofSeconds(10));
    String out = r.output();
    if (!r.ok() || out.contains("<not supported>") || out.contains("<not counted>")) {
      return List.of(
          Finding.warn(
              "perf counters: no hardware counters (perf stat -e cycles,instructions: "
                  + (r.ok() ? "not supported" : out.strip())
                  + ")",
              optional + "; in a VM, enable the virtual PMU, or use bare metal"));
    }
    return List.of(Finding.ok("perf counters: hardware counters available"));
  }
}
