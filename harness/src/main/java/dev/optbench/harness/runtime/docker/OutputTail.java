package dev.optbench.harness.runtime.docker;

import java.nio.charset.StandardCharsets;

/**
 * The last {@code capacity} bytes of a stream. ffmpeg can log megabytes; only the end matters for
 * error messages, and optbench-exec's report is always the last line of stderr.
 */
final class OutputTail {
  private final byte[] ring;
  private long written;

  OutputTail(int capacity) {
    this.ring = new byte[capacity];
  }

  synchronized void append(byte[] bytes) {
    int from = Math.max(0, bytes.length - ring.length);
    written += from; // bytes that would be overwritten anyway are skipped, but counted
    for (int i = from; i < bytes.length; i++) {
      ring[(int) (written++ % ring.length)] = bytes[i];
    }
  }

  synchronized String text() {
    int size = (int) Math.min(written, ring.length);
    byte[] out = new byte[size];
    int start = (int) ((written - size) % ring.length);
    for (int i = 0; i < size; i++) {
      out[i] = ring[(start + i) % ring.length];
    }
    // A cut through a multi-byte character turns into U+FFFD; harmless for a log tail.
    return new String(out, StandardCharsets.UTF_8);
  }
}
