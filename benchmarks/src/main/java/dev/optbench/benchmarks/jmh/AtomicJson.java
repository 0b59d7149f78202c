package dev.optbench.benchmarks.jmh;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.optbench.harness.files.AtomicFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Writes JSON through {@link AtomicFile}, so a reader (or a run killed mid-write, or a full disk)
 * never sees half a file.
 */
public final class AtomicJson {
  public static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private AtomicJson() {}

  public static void write(Object value, Path file) {
    byte[] json;
    try {
      json = MAPPER.writeValueAsBytes(value);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode " + file.getFileName() + " as JSON", e);
    }
    AtomicFile.write(file, json);
  }

  public static <T> T read(Path file, Class<T> type) {
    try {
      return MAPPER.readValue(file.toFile(), type);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
