package dev.optbench.harness.testing;

import dev.optbench.harness.metrics.MetricsSink;
import dev.optbench.harness.metrics.Sample;
import java.util.ArrayList;
import java.util.List;

/** Keeps every batch in memory, for collector tests. */
public final class RecordingSink implements MetricsSink {
  private final List<List<Sample>> batches = new ArrayList<>();
  private boolean closed;

  @Override
  public synchronized void accept(List<Sample> batch) {
    batches.add(List.copyOf(batch));
  }

  @Override
  public void flush() {}

  @Override
  public synchronized void close() {
    closed = true;
  }

  public synchronized List<List<Sample>> batches() {
    return List.copyOf(batches);
  }

  public synchronized List<Sample> samples() {
    List<Sample> all = new ArrayList<>();
    batches.forEach(all::addAll);
    return all;
  }

  public synchronized List<Sample> samples(String measurement) {
    return samples().stream().filter(s -> s.measurement().equals(measurement)).toList();
  }

  public synchronized boolean closed() {
    return closed;
  }
}
