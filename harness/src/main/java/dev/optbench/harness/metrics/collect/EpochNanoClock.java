package dev.optbench.harness.metrics.collect;

import java.time.Instant;

/**
 * Wall-clock epoch nanoseconds that never repeat within this JVM. InfluxDB keeps one point per
 * measurement, tag set and timestamp, so two readings must never share a timestamp; the JDK clock
 * here ticks in microseconds, and two collectors of the same container could otherwise collide.
 */
public final class EpochNanoClock {
  private static long last;

  private EpochNanoClock() {}

  public static synchronized long now() {
    Instant instant = Instant.now();
    long nanos = instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    last = Math.max(nanos, last + 1);
    return last;
  }
}
