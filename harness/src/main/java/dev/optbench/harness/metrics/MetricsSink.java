package dev.optbench.harness.metrics;

import java.util.List;

/** Where samples go: InfluxDB, a line-protocol file, several at once. */
public interface MetricsSink extends AutoCloseable {

  /** Takes a batch; must not lose it, even if the backend is down (spool instead). */
  void accept(List<Sample> batch);

  /** Tries to deliver everything accepted so far. */
  void flush();

  /** Flushes, then says where anything undelivered was kept. Idempotent. */
  @Override
  void close();

  /** The null object: where the samples of a run without series go (nowhere, said so). */
  static MetricsSink none() {
    return NoSink.INSTANCE;
  }

  /** See {@link #none()}. */
  enum NoSink implements MetricsSink {
    INSTANCE;

    @Override
    public void accept(List<Sample> batch) {}

    @Override
    public void flush() {}

    @Override
    public void close() {}

    @Override
    public String toString() {
      return "none (no time series for this runtime)";
    }
  }
}
