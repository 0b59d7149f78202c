package dev.optbench.harness.runtime.docker;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The serve exec's stdin as docker-java wants it, an InputStream its hijacking thread reads and
 * copies to the engine: every {@link #send} is handed over whole, at once (the thread flushes after
 * each read), and {@link #close} is the EOF that ends the server. Not a PipedInputStream: that one
 * breaks when the writing thread ends, and units come from whichever thread runs them.
 */
final class RequestStream extends InputStream {
  private static final byte[] END = new byte[0];
  private final LinkedBlockingQueue<byte[]> queue = new LinkedBlockingQueue<>();
  private byte[] current = new byte[0];
  private int at;
  private boolean ended;

  void send(byte[] request) {
    queue.add(request.clone());
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    while (at == current.length) {
      if (ended) {
        return -1;
      }
      try {
        current = queue.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while waiting for the next request", e);
      }
      at = 0;
      ended = current == END;
    }
    int n = Math.min(len, current.length - at);
    System.arraycopy(current, at, b, off, n);
    at += n;
    return n;
  }

  /** EOF for the reader once what was sent is read; the server then exits. */
  @Override
  public void close() {
    queue.add(END);
  }
}
