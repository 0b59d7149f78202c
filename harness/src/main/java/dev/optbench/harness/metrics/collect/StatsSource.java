package dev.optbench.harness.metrics.collect;

import java.io.IOException;
import java.util.Optional;

/**
 * Something a {@link PollingSession} reads every interval: cgroup files, cAdvisor's API, an
 * engine's stats stream.
 */
interface StatsSource extends AutoCloseable {

  /**
   * @return the current counters, or empty when there is nothing new since the last reading
   * @throws SourceGoneException when the container or cgroup no longer exists: sampling ends
   * @throws IOException for anything else; sampling goes on and tries again
   */
  Optional<Reading> read() throws IOException;

  /**
   * The reading taken when the session closes, while the target still exists. A source that
   * delivers on its own clock (an engine's stats stream) waits here, bounded, for its first entry
   * when none has come yet, so that a short-lived target still has a point; others just read.
   */
  default Optional<Reading> finalRead() throws IOException {
    return read();
  }

  /** Names the source in messages, e.g. the cgroup folder or cAdvisor URL. */
  String describe();

  /** Lets go of what the source holds open (a stream); called once, after the last read. */
  @Override
  default void close() {}
}
