package dev.optbench.harness.metrics.collect;

import dev.optbench.harness.metrics.CollectorSession;
import dev.optbench.harness.metrics.MetricSchema;
import dev.optbench.harness.metrics.MetricsSink;
import dev.optbench.harness.metrics.Sample;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a {@link StatsSource} every interval on a thread of its own, turns each reading into one
 * sample per metric with the session's tags, and hands them to the sink in batches. Ends quietly
 * when the source is gone; after repeated other failures it stops with one warning rather than a
 * message every 100 ms.
 */
final class PollingSession implements CollectorSession {
  private static final Logger log = LoggerFactory.getLogger(PollingSession.class);
  private static final Duration GIVE_UP_AFTER = Duration.ofSeconds(10);

  private final StatsSource source;
  private final Map<String, String> tags;
  private final MetricsSink sink;
  private final int readingsPerBatch;
  private final int maxConsecutiveFailures;
  private final ScheduledExecutorService thread;
  private final List<Sample> buffer = new ArrayList<>();
  private volatile String unit;
  private int bufferedReadings;
  private int consecutiveFailures;
  private volatile boolean stopped;
  private boolean closed;

  PollingSession(
      StatsSource source,
      Map<String, String> tags,
      MetricsSink sink,
      Duration interval,
      int readingsPerBatch) {
    this(source, tags, sink, interval, readingsPerBatch, GIVE_UP_AFTER);
  }

  /**
   * @param giveUpAfter how long failures (other than the source being gone) may go on before
   *     sampling stops
   */
  PollingSession(
      StatsSource source,
      Map<String, String> tags,
      MetricsSink sink,
      Duration interval,
      int readingsPerBatch,
      Duration giveUpAfter) {
    this.source = source;
    this.tags = Map.copyOf(tags);
    this.sink = sink;
    this.readingsPerBatch = readingsPerBatch;
    this.maxConsecutiveFailures =
        (int) Math.max(3, giveUpAfter.toNanos() / Math.max(1, interval.toNanos()));
    this.thread =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread t =
                  new Thread(task, "optbench-collector-" + tags.get(MetricSchema.TAG_CONTAINER));
              t.setDaemon(true);
              return t;
            });
    thread.scheduleAtFixedRate(this::poll, 0, interval.toNanos(), TimeUnit.NANOSECONDS);
  }

  @Override
  public void setUnit(String unitId) {
    this.unit = unitId;
  }

  private void poll() {
    poll(false);
  }

  private void poll(boolean last) {
    if (stopped) {
      return;
    }
    try {
      Optional<Reading> reading = last ? source.finalRead() : source.read();
      consecutiveFailures = 0;
      reading.ifPresent(this::add);
      if (bufferedReadings >= readingsPerBatch) {
        handOver();
      }
    } catch (SourceGoneException e) {
      log.debug("{} is gone ({}); sampling ends", source.describe(), e.getMessage());
      stop();
    } catch (IOException | RuntimeException e) {
      if (++consecutiveFailures == 1) {
        log.warn("Reading {} failed, will keep trying: {}", source.describe(), e.toString());
      } else if (consecutiveFailures >= maxConsecutiveFailures) {
        log.warn(
            "Reading {} failed {} times in a row; sampling stops: {}",
            source.describe(),
            consecutiveFailures,
            e.toString());
        stop();
      }
    }
  }

  private void add(Reading reading) {
    Map<String, String> sampleTags = tags;
    String currentUnit = unit;
    if (currentUnit != null) {
      sampleTags = new HashMap<>(tags);
      sampleTags.put(MetricSchema.TAG_UNIT, currentUnit);
    }
    for (Map.Entry<String, Double> value : reading.values().entrySet()) {
      buffer.add(new Sample(value.getKey(), reading.epochNanos(), value.getValue(), sampleTags));
    }
    bufferedReadings++;
  }

  private void stop() {
    stopped = true;
    handOver();
  }

  private void handOver() {
    if (buffer.isEmpty()) {
      return;
    }
    List<Sample> batch = List.copyOf(buffer);
    buffer.clear();
    bufferedReadings = 0;
    try {
      sink.accept(batch);
    } catch (RuntimeException e) {
      log.error("Sink {} did not take {} samples: {}", sink, batch.size(), e.toString());
    }
  }

  /** Stops the timer, takes a last reading (unless the source is gone), hands everything over. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    thread.shutdown(); // cancels the periodic read; waits for one in flight
    try {
      if (!thread.awaitTermination(30, TimeUnit.SECONDS)) {
        log.warn("A read of {} hangs; closing without a last sample", source.describe());
        thread.shutdownNow();
        return;
      }
      poll(true); // the final sample: the thread is done, so this is the only one touching the
      // buffer
      stop();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      source.close();
    }
  }
}
