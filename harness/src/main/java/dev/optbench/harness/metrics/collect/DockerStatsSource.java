package dev.optbench.harness.metrics.collect;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Statistics;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One container's stats stream from its engine ({@code docker stats}, streaming): the engine sends
 * an entry about once a second on its own clock; the polling session reads the newest entry each
 * interval and skips it when it has seen it already, so a poll every 100 ms writes one reading a
 * second, never the same one twice. The stream ends when the container is removed: the normal end.
 *
 * <p>The engine publishes to a new stream on its next tick, up to a second after it was opened, so
 * a sandbox closed sooner would have no point at all: its {@link #finalRead} waits for that first
 * entry (at most {@link #FIRST_ENTRY_WAIT}). Only such short-lived sandboxes pay for it; a one-shot
 * request ({@code stream=false}) would not be quicker, as the engine primes it with two ticks.
 */
final class DockerStatsSource implements StatsSource {
  /** Starts a stats stream into a callback: the engine's {@code statsCmd}, or a test's feed. */
  interface Opener {
    void open(ResultCallback<Statistics> callback);
  }

  /** Longer than the engine's one-second tick, with room for a busy engine. */
  static final Duration FIRST_ENTRY_WAIT = Duration.ofMillis(2500);

  private final Opener opener;
  private final String containerId;
  private final String engine;
  private volatile Stream stream;
  private String lastRead = "";
  private boolean seenOnce;
  private Throwable broken;
  private long reopenedAt = System.nanoTime();

  DockerStatsSource(DockerClient client, String containerId, String engine) {
    this(callback -> client.statsCmd(containerId).exec(callback), containerId, engine);
  }

  DockerStatsSource(Opener opener, String containerId, String engine) {
    this.opener = opener;
    this.containerId = containerId;
    this.engine = engine;
    this.stream = open();
  }

  private Stream open() {
    Stream s = new Stream();
    opener.open(s);
    return s;
  }

  @Override
  public Optional<Reading> read() throws IOException {
    Stream current = stream;
    Statistics newest = current.newest.get();
    if (newest != null && newest.getRead() != null && !newest.getRead().equals(lastRead)) {
      lastRead = newest.getRead();
      seenOnce = true;
      broken = null;
      return DockerStatsMapper.map(newest);
    }
    Throwable failure = current.failure.get();
    if (failure != null) {
      if (failure instanceof NotFoundException && seenOnce) {
        throw new SourceGoneException("container " + containerId + " is gone");
      }
      // a broken connection: a new stream, at most one a second; the session gives up after 10 s
      broken = failure;
      if (System.nanoTime() - reopenedAt > 1_000_000_000L) {
        current.closeQuietly();
        reopenedAt = System.nanoTime();
        stream = open();
      }
    } else if (current.ended) {
      if (seenOnce) {
        throw new SourceGoneException("the stats stream of " + containerId + " ended");
      }
      throw new IOException("the stats stream of " + describe() + " ended before any entry");
    }
    if (broken != null) {
      // until the new stream delivers, every poll counts as a failure, so they add up
      throw new IOException("the stats stream of " + describe() + " failed: " + broken, broken);
    }
    return Optional.empty();
  }

  /** {@link #read}, after waiting for the stream's first entry when none has been read yet. */
  @Override
  public Optional<Reading> finalRead() throws IOException {
    if (!seenOnce) {
      try {
        stream.firstEntryOrEnd.await(FIRST_ENTRY_WAIT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt(); // closing on an interrupt: no wait, read what is there
      }
    }
    return read();
  }

  @Override
  public String describe() {
    return "stats of "
        + containerId.substring(0, Math.min(12, containerId.length()))
        + " on "
        + engine;
  }

  /** Ends the stream (the engine closes its side when the container goes, too). */
  @Override
  public void close() {
    stream.closeQuietly();
  }

  /** Keeps only the newest entry: a reading the session did not take in time is superseded. */
  private static final class Stream extends ResultCallback.Adapter<Statistics> {
    final AtomicReference<Statistics> newest = new AtomicReference<>();
    final AtomicReference<Throwable> failure = new AtomicReference<>();
    final CountDownLatch firstEntryOrEnd = new CountDownLatch(1);
    volatile boolean ended;

    void closeQuietly() {
      try {
        close();
      } catch (IOException e) {
        // the connection is being torn down either way; every entry received was read
      }
    }

    @Override
    public void onNext(Statistics stats) {
      newest.set(stats);
      firstEntryOrEnd.countDown();
    }

    @Override
    public void onError(Throwable t) {
      failure.set(t);
      ended = true;
      firstEntryOrEnd.countDown();
      // not super.onError: it logs every failure at ERROR; the session says it once, in words
      closeQuietly();
    }

    @Override
    public void onComplete() {
      ended = true;
      firstEntryOrEnd.countDown();
      super.onComplete();
    }
  }
}
