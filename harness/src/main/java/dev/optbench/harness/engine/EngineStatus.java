package dev.optbench.harness.engine;

import java.time.Duration;
import java.util.List;

/**
 * What {@code optbench engines} says about one engine: whether it answers (else the one-sentence
 * problem), what it is (version, CPUs, memory, cgroup version) and which optbench containers it
 * holds. {@code latency} is the whole probe (connect, TLS handshake, ping, version, info, list).
 */
public record EngineStatus(
    EngineSpec spec,
    String problem,
    String version,
    int cpus,
    long memoryBytes,
    String cgroupVersion,
    List<String> containers,
    Duration latency) {
  public EngineStatus {
    containers = List.copyOf(containers);
  }

  /** An engine that did not answer; the other facts are unknown. */
  public static EngineStatus failed(EngineSpec spec, String problem, Duration latency) {
    return new EngineStatus(spec, problem, "", 0, 0, "", List.of(), latency);
  }

  public boolean healthy() {
    return problem.isEmpty();
  }
}
