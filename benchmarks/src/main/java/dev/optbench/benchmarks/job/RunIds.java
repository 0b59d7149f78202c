package dev.optbench.benchmarks.job;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** {@code run-20261201T183012}: sorts by time, safe in paths and InfluxDB tags. */
final class RunIds {
  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("'run-'yyyyMMdd'T'HHmmss", Locale.ROOT);

  private RunIds() {}

  static String next() {
    return FORMAT.format(ZonedDateTime.now(ZoneOffset.UTC));
  }
}
