package dev.optbench.harness.metrics;

/** A running sampler. */
public interface CollectorSession extends AutoCloseable {

  /** Tags following samples with the unit now running (the {@code unit} tag); null clears. */
  void setUnit(String unitId);

  /** Takes a last sample, stops, and hands everything to the sink. Idempotent. */
  @Override
  void close();
}
