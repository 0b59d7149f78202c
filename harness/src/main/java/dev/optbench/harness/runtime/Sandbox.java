package dev.optbench.harness.runtime;

import dev.optbench.harness.metrics.MeasurementTarget;
import java.time.Duration;
import java.util.List;

/** One variant's isolated environment; units run in it one after the other. */
public interface Sandbox extends AutoCloseable {

  /**
   * Runs one unit and returns its kernel-counter totals. {@code argv[0]} names a program of the
   * variant ({@code ffmpeg}); it is never passed through a shell.
   */
  Execution run(List<String> argv, Duration timeout);

  /** What a collector samples while units run: a container or a cgroup. */
  MeasurementTarget target();

  /** Kills what still runs and removes the container/cgroup. Idempotent. */
  @Override
  void close();
}
