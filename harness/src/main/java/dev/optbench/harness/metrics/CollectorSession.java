package dev.optbench.harness.metrics;

/** A running sampler. */
public interface CollectorSession extends AutoCloseable {

  /** Tags following samples with the unit now running (the {@code unit} tag); null clears. */
  void setUnit(String unitId);

  /** Takes a last sample, stops, and hands everything to the sink. Idempotent. */
  @Override
  void close();

  /** The null object: a target with nothing to sample (the process runtime has no cgroup). */
  static CollectorSession none() {
    return NoSeries.INSTANCE;
  }

  /** See {@link #none()}. */
  enum NoSeries implements CollectorSession {
    INSTANCE;

    @Override
    public void setUnit(String unitId) {}

    @Override
    public void close() {}
  }
}
