package dev.optbench.benchmarks.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Human sizes and durations on the command line ("512m", "30s"). */
final class Sizes {
  private static final Pattern AMOUNT = Pattern.compile("(\\d+)\\s*([a-zA-Z]*)");

  private Sizes() {}

  /** Bytes from "2g", "512m", "64k" or a plain number. */
  static final class ByteSize implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
      Matcher m = AMOUNT.matcher(value.strip());
      if (!m.matches()) {
        throw new TypeConversionException("'" + value + "' is not a size; use e.g. 512m or 2g");
      }
      long n = Long.parseLong(m.group(1));
      return switch (m.group(2).toLowerCase(Locale.ROOT)) {
        case "", "b" -> n;
        case "k", "kb", "kib" -> n << 10;
        case "m", "mb", "mib" -> n << 20;
        case "g", "gb", "gib" -> n << 30;
        default ->
            throw new TypeConversionException(
                "unknown size unit in '" + value + "'; use k, m or g");
      };
    }
  }

  /** A duration from "30s", "10m", "1h" or "500ms". */
  static final class Time implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      Matcher m = AMOUNT.matcher(value.strip());
      if (!m.matches()) {
        throw new TypeConversionException("'" + value + "' is not a duration; use e.g. 30s or 10m");
      }
      long n = Long.parseLong(m.group(1));
      return switch (m.group(2).toLowerCase(Locale.ROOT)) {
        case "ms" -> Duration.ofMillis(n);
        case "", "s" -> Duration.ofSeconds(n);
        case "m", "min" -> Duration.ofMinutes(n);
        case "h" -> Duration.ofHours(n);
        default ->
            throw new TypeConversionException(
                "unknown time unit in '" + value + "'; use ms, s, m or h");
      };
    }
  }
}
