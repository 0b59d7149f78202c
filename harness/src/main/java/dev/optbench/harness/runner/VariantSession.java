package dev.optbench.harness.runner;

import dev.optbench.harness.metrics.CollectorSession;
import dev.optbench.harness.metrics.MeasurementTarget;
import dev.optbench.harness.metrics.MetricsSink;
import dev.optbench.harness.metrics.ResourceUsage;
import dev.optbench.harness.metrics.UnitTotals;
import dev.optbench.harness.runtime.Execution;
import dev.optbench.harness.runtime.Sandbox;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One variant's open sandbox with its collector and sink, made by {@link RunAssembly#open}. Units
 * run one at a time ({@link #run}); samples taken while a unit runs carry its id as the {@code
 * unit} tag. Not thread-safe: one caller runs the units of a session.
 */
public final class VariantSession implements AutoCloseable {
  private final Sandbox sandbox;
  private final MetricsSink sink;
  private final CollectorSession collector;
  private final Duration timeout;
  private boolean closed;

  VariantSession(Sandbox sandbox, MetricsSink sink, CollectorSession collector, Duration timeout) {
    this.sandbox = sandbox;
    this.sink = sink;
    this.collector = collector;
    this.timeout = timeout;
  }

  /**
   * Runs every step of one unit in order (argv lists, never through a shell) and stops at the first
   * that fails: later steps depend on it (pass 2 reads pass 1's log).
   *
   * @param unitId the {@code unit} tag of the samples taken meanwhile
   * @param steps at least one argv list
   */
  public UnitResult run(String unitId, List<List<String>> steps) {
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("unit " + unitId + " has no steps");
    }
    List<Execution> done = new ArrayList<>();
    collector.setUnit(unitId);
    try {
      for (List<String> argv : steps) {
        Execution e = sandbox.run(argv, timeout);
        done.add(e);
        if (!e.usage().succeeded()) {
          break;
        }
      }
    } finally {
      collector.setUnit(null);
    }
    List<ResourceUsage> usages = done.stream().map(Execution::usage).toList();
    return new UnitResult(UnitTotals.sum(usages), done);
  }

  /** What the collector samples: the container or cgroup of the variant. */
  public MeasurementTarget target() {
    return sandbox.target();
  }

  /** Where the series go, for the user: the sink's own description. */
  public String series() {
    return sink.toString();
  }

  /** Stops the collector (last sample flushed), removes the sandbox, closes the sink. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      collector.close();
    } finally {
      try {
        sandbox.close();
      } finally {
        sink.close();
      }
    }
  }
}
