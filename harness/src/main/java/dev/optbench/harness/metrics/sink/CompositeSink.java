package dev.optbench.harness.metrics.sink;

import dev.optbench.harness.metrics.MetricsSink;
import dev.optbench.harness.metrics.Sample;
import java.util.List;
import java.util.function.Consumer;

/**
 * Hands every batch to several sinks. One sink failing does not starve the others: each is called,
 * and the first failure is rethrown afterwards with the rest attached as suppressed.
 */
public final class CompositeSink implements MetricsSink {
  private final List<MetricsSink> sinks;

  public CompositeSink(List<? extends MetricsSink> sinks) {
    this.sinks = List.copyOf(sinks);
  }

  @Override
  public void accept(List<Sample> batch) {
    forEach(sink -> sink.accept(batch));
  }

  @Override
  public void flush() {
    forEach(MetricsSink::flush);
  }

  @Override
  public void close() {
    forEach(MetricsSink::close);
  }

  private void forEach(Consumer<MetricsSink> action) {
    RuntimeException failure = null;
    for (MetricsSink sink : sinks) {
      try {
        action.accept(sink);
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public String toString() {
    return "CompositeSink" + sinks;
  }
}
