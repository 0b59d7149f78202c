package dev.optbench.harness.runtime.docker;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The wire format of {@code optbench-exec --serve}. Requests: the one-shot mode's arguments as
 * NUL-terminated strings, ended by an empty string (argv cannot hold a NUL, so nothing needs
 * quoting). Replies: frames of 1 byte channel ({@link #STDOUT}, {@link #STDERR}, {@link #REPORT}),
 * 4-byte big-endian length, payload. The engine cuts the server's stdout into pieces of its own
 * choosing, so frames are reassembled here from whatever chunks arrive.
 */
final class ServeFrames {
  static final char STDOUT = 'o';
  static final char STDERR = 'e';

  /** The unit's report line; empty when the request failed before a report existed. */
  static final char REPORT = 'r';

  private static final int HEADER = 5;

  /** Receives each whole frame, in order. */
  interface Listener {
    void frame(char channel, byte[] payload);
  }

  private final Listener listener;
  private final byte[] header = new byte[HEADER];
  private int headerFill;
  private byte[] payload;
  private int payloadFill;

  ServeFrames(Listener listener) {
    this.listener = listener;
  }

  /**
   * Whether a request can carry these arguments: an empty one would end it early (such a unit runs
   * through a one-off exec instead), and no argument can hold a NUL.
   */
  static boolean canCarry(List<String> args) {
    return args.stream().noneMatch(a -> a.isEmpty() || a.indexOf('\0') >= 0);
  }

  /** One request: {@code options -- argv} as the server reads it. */
  static byte[] request(List<String> options, List<String> argv) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (String arg : options) {
      string(out, arg);
    }
    string(out, "--");
    for (String arg : argv) {
      string(out, arg);
    }
    out.write(0); // the empty string: end of request
    return out.toByteArray();
  }

  private static void string(ByteArrayOutputStream out, String arg) {
    if (arg.isEmpty() || arg.indexOf('\0') >= 0) {
      // An empty string would end the request early; a NUL cannot be in an argument at all.
      throw new IllegalArgumentException(
          "an argument to optbench-exec must be non-empty and free of NUL: '" + arg + "'");
    }
    out.writeBytes(arg.getBytes(StandardCharsets.UTF_8));
    out.write(0);
  }

  /** Feeds the next chunk of the server's stdout; calls the listener for every frame it ends. */
  void accept(byte[] chunk) {
    int at = 0;
    while (at < chunk.length) {
      if (payload == null) {
        int n = Math.min(HEADER - headerFill, chunk.length - at);
        System.arraycopy(chunk, at, header, headerFill, n);
        headerFill += n;
        at += n;
        if (headerFill < HEADER) {
          return;
        }
        int length =
            (header[1] & 0xff) << 24
                | (header[2] & 0xff) << 16
                | (header[3] & 0xff) << 8
                | (header[4] & 0xff);
        if (length < 0) {
          throw new IllegalStateException("optbench-exec --serve sent a frame of " + length);
        }
        payload = new byte[length];
        payloadFill = 0;
      }
      int n = Math.min(payload.length - payloadFill, chunk.length - at);
      System.arraycopy(chunk, at, payload, payloadFill, n);
      payloadFill += n;
      at += n;
      if (payloadFill == payload.length) {
        byte[] whole = payload;
        payload = null;
        headerFill = 0;
        listener.frame((char) (header[0] & 0xff), whole);
      }
    }
  }

  /** True between frames: nothing of a frame has arrived without its end. */
  boolean atBoundary() {
    return payload == null && headerFill == 0;
  }
}
