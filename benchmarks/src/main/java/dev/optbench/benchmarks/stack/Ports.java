package dev.optbench.benchmarks.stack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.function.IntPredicate;

/**
 * Loopback ports for the stack. A component gets its usual port (8086, 3000, 8080) when nothing
 * listens there, so dashboards and habits keep working; otherwise any free one, which {@code up}
 * prints. Every service listens on 127.0.0.1 only: the stack is for this machine's user.
 */
public final class Ports {
  public static final String LOOPBACK = "127.0.0.1";

  private Ports() {}

  /** {@code usual} when {@code free} says so, else a port the kernel hands out. */
  public static int choose(int usual, IntPredicate free) {
    return free.test(usual) ? usual : ephemeral();
  }

  public static int choose(int usual) {
    return choose(usual, Ports::free);
  }

  /** Whether 127.0.0.1:{@code port} can be bound now (another process may take it after). */
  public static boolean free(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getByName(LOOPBACK), port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  public static int ephemeral() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free port on " + LOOPBACK + ": " + e.getMessage(), e);
    }
  }

  public static String url(int port) {
    return "http://" + LOOPBACK + ":" + port;
  }

  /** The port of "http://127.0.0.1:8086"; -1 when the URL names none. */
  public static int portOf(String url) {
    try {
      return java.net.URI.create(url).getPort();
    } catch (IllegalArgumentException e) {
      return -1;
    }
  }
}
