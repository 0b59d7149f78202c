package dev.optbench.harness.runtime.process;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Drains a stream on its own thread, keeping only the last bytes: a unit's output must never block
 * it (a full pipe stalls ffmpeg), and only the end is needed for error messages.
 */
final class OutputTail {
  static final int KEEP_BYTES = 8 * 1024;

  private final byte[] ring = new byte[KEEP_BYTES];
  private long total;
  private final Thread reader;

  OutputTail(InputStream in, String name) {
    reader = new Thread(() -> drain(in), name);
    reader.setDaemon(true);
    reader.start();
  }

  private void drain(InputStream in) {
    byte[] buf = new byte[8192];
    try (in) {
      int n;
      while ((n = in.read(buf)) > 0) {
        append(buf, n);
      }
    } catch (IOException e) {
      // the process is gone and its pipe closed: keep what was read
    }
  }

  private synchronized void append(byte[] buf, int n) {
    for (int i = 0; i < n; i++) {
      ring[(int) (total++ % KEEP_BYTES)] = buf[i];
    }
  }

  /** Waits for the stream to end (the process and its children closed it), then the tail. */
  String await(long millis) {
    try {
      reader.join(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return text();
  }

  synchronized String text() {
    int size = (int) Math.min(total, KEEP_BYTES);
    byte[] out = new byte[size];
    long start = total - size;
    for (int i = 0; i < size; i++) {
      out[i] = ring[(int) ((start + i) % KEEP_BYTES)];
    }
    return new String(out, StandardCharsets.UTF_8);
  }
}
