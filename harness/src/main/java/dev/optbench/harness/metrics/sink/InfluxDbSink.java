package dev.optbench.harness.metrics.sink;

import dev.optbench.harness.metrics.MetricsSink;
import dev.optbench.harness.metrics.Sample;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes samples to InfluxDB 1.x from one thread of its own, synchronously, batch by batch. When a
 * write fails the batch goes to the {@link Spool} file, and everything after it too (so delivery
 * stays in order), until a retry every {@code retryInterval} gets the spool through. What is still
 * undelivered at {@link #close()} stays in the spool file, and close says how to replay it.
 */
public final class InfluxDbSink implements MetricsSink {
  private static final Logger log = LoggerFactory.getLogger(InfluxDbSink.class);
  private static final int CHUNK_LINES = 5000;

  private final InfluxSettings settings;
  private final InfluxLineWriter writer;
  private final Spool spool;
  private final ScheduledExecutorService thread;
  // Batches wait here, not inside executor tasks, so close() can spool whatever a stuck writer
  // thread never reached.
  private final Queue<List<String>> pending = new ConcurrentLinkedQueue<>();
  private final Duration closeTimeout;
  private boolean outage; // touched only on the sink's thread
  private volatile boolean closed;

  /**
   * @param spoolFile where undelivered lines wait; created only when needed
   * @param requestTimeout per HTTP request to InfluxDB
   * @param retryInterval how often a spool is retried while InfluxDB is away
   * @param closeTimeout how long close waits for the last writes before leaving them spooled
   */
  public InfluxDbSink(
      InfluxSettings settings,
      Path spoolFile,
      Duration requestTimeout,
      Duration retryInterval,
      Duration closeTimeout) {
    this.settings = settings;
    this.writer = new InfluxLineWriter(settings, requestTimeout.toMillis());
    this.spool = new Spool(spoolFile);
    this.closeTimeout = closeTimeout;
    this.thread =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread t = new Thread(task, "optbench-influx-sink");
              t.setDaemon(true);
              return t;
            });
    thread.scheduleWithFixedDelay(
        this::retrySpool,
        retryInterval.toMillis(),
        retryInterval.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  public InfluxDbSink(InfluxSettings settings, Path spoolFile) {
    this(settings, spoolFile, Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofSeconds(30));
  }

  @Override
  public void accept(List<Sample> batch) {
    if (closed) {
      throw new IllegalStateException("sink closed; " + batch.size() + " samples not taken");
    }
    // Encoded on the caller's thread: the same bytes go to InfluxDB or the spool.
    pending.add(batch.stream().map(LineProtocol::encode).toList());
    thread.execute(this::deliverPending);
  }

  /**
   * Sends what is queued, coalescing small batches into requests of up to {@code CHUNK_LINES}: a
   * collector hands over ~100 points a second per container, and one HTTP request per batch would
   * cap throughput at the request rate, not InfluxDB's.
   */
  private void deliverPending() {
    List<String> lines = new ArrayList<>();
    List<String> batch;
    while ((batch = pending.poll()) != null) {
      lines.addAll(batch);
      if (lines.size() >= CHUNK_LINES) {
        deliver(lines);
        lines = new ArrayList<>();
      }
    }
    if (!lines.isEmpty()) {
      deliver(lines);
    }
  }

  private void deliver(List<String> lines) {
    try {
      if (!spool.hasPending()) {
        try {
          writer.write(lines);
          return;
        } catch (LineWriter.RejectedLinesException e) {
          spool.reject(lines, e.getMessage());
          return;
        } catch (IOException e) {
          noteOutage(e);
        }
      }
      spool.append(lines);
    } catch (IOException e) {
      // Disk full or unwritable spool: nothing left to fall back on, so say it loudly.
      log.error("Lost {} samples: cannot write spool {}: {}", lines.size(), spool.file(), e);
    }
  }

  private void retrySpool() {
    try {
      long delivered = spool.drain(writer, CHUNK_LINES);
      if (outage) {
        outage = false;
        log.info(
            "InfluxDB at {} answers again; delivered {} spooled points", settings.url(), delivered);
      }
    } catch (IOException e) {
      noteOutage(e);
    } catch (RuntimeException e) {
      log.error("Unexpected error while delivering spool {}", spool.file(), e);
    }
  }

  private void noteOutage(IOException e) {
    if (!outage) {
      outage = true; // one message per outage, not one per batch
      log.warn(
          "InfluxDB at {} did not take a write ({}); spooling to {} and retrying",
          settings.url(),
          settings.redact(e.getMessage()),
          spool.file());
    }
  }

  /** Waits until every batch accepted so far is in InfluxDB or in the spool, then retries it. */
  @Override
  public void flush() {
    try {
      thread.submit(this::retrySpool).get(closeTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      log.warn("Flushing to InfluxDB at {} did not finish: {}", settings.url(), e.toString());
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    flush();
    thread.shutdown(); // runs what is queued; cancels the periodic retry
    try {
      if (!thread.awaitTermination(closeTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
        thread.shutdownNow(); // a write is hanging: interrupt it, it spools its batch
      }
      List<String> lines;
      while ((lines = pending.poll()) != null) {
        spool.append(lines);
      }
      spool.compact();
      if (spool.hasPending()) {
        log.warn(
            "Some samples could not be delivered to InfluxDB at {}; they are kept in {}. Replay"
                + " them when InfluxDB is up with: {}",
            settings.url(),
            spool.file(),
            SpoolReplayer.command(settings, spool.file()));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      log.error("Could not tidy spool {}: {}", spool.file(), e.toString());
    } finally {
      writer.close();
    }
  }

  /** The spool file, for the runner to record in the results. */
  public Path spoolFile() {
    return spool.file();
  }

  @Override
  public String toString() {
    return "InfluxDbSink[" + settings + ", spool " + spool.file() + "]";
  }
}
