package dev.optbench.harness.runtime;

import dev.optbench.harness.metrics.Collector;
import dev.optbench.harness.model.VariantRef;
import java.util.List;
import java.util.Optional;

/** Isolates the units of one variant: "docker", "cgroup" or "process". */
public interface ContainerRuntime {

  /** Short name recorded with results: {@code docker}, {@code cgroup} or {@code process}. */
  String name();

  /**
   * Opens one long-lived sandbox for a variant; every unit of that variant runs inside it.
   *
   * @throws RuntimeUnavailableException when the engine is gone or refuses the limits
   */
  Sandbox open(VariantRef variant, SandboxLimits limits);

  /**
   * Makes a variant's host build runnable by this runtime: the Docker runtime builds (or reuses)
   * the variant's image and returns the variant with it; the others run the host folder as it is.
   * Callers never need to know which runtime they hold.
   */
  default VariantRef prepare(VariantRef variant) {
    return variant;
  }

  /**
   * Removes what killed or crashed runs left in this runtime (their owner process is gone; live
   * runs' sandboxes stay) and returns the names removed. Docker: containers labelled as optbench's
   * with their unit cgroups; cgroup: the run cgroups whose owner JVM is gone, with the processes
   * still in them; process: nothing (it makes neither containers nor cgroups).
   */
  default List<String> removeLeftovers() {
    return List.of();
  }

  /**
   * The runtime's own source of time series, for sandboxes whose cgroup files are not on this
   * machine: Docker's stats API (a remote engine). Empty for runtimes that have none; callers use
   * it only when there are no cgroup folders to read.
   */
  default Optional<Collector> engineCollector() {
    return Optional.empty();
  }
}
