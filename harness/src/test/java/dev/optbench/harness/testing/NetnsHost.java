package dev.optbench.harness.testing;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A network namespace standing for another machine: {@code ip netns add}, a veth pair with one end
 * inside, addresses from 10.231.0.0/16 that this test assigns ({@code .1} on the host side, {@code
 * .2} inside, a /30 each). The block is picked from this JVM's pid so two test runs on one machine
 * (two worktrees) do not collide. {@link #close()} deletes the namespace, which deletes the pair.
 */
public final class NetnsHost implements AutoCloseable {
  private final String name;
  private final String hostAddress;
  private final String address;

  private NetnsHost(String name, String hostAddress, String address) {
    this.name = name;
    this.hostAddress = hostAddress;
    this.address = address;
  }

  /** True where a test can make namespaces: root, with iproute2 and nsenter. */
  public static boolean possible() {
    return "root".equals(System.getProperty("user.name"))
        && new java.io.File("/usr/sbin/ip").canExecute()
        && new java.io.File("/usr/bin/nsenter").canExecute();
  }

  /**
   * Makes namespace number {@code index} (0-63) of this JVM, e.g. {@code ob1234-0} with the inside
   * address 10.231.B.(4*index+2), B from the pid.
   */
  public static NetnsHost create(int index) throws IOException, InterruptedException {
    long pid = ProcessHandle.current().pid();
    String name = "ob" + pid + "-" + index;
    String block = "10.231." + (pid % 250) + ".";
    NetnsHost host = new NetnsHost(name, block + (4 * index + 1), block + (4 * index + 2));
    try {
      host.setUp();
    } catch (IOException | RuntimeException e) {
      host.close();
      throw e;
    }
    return host;
  }

  private void setUp() throws IOException, InterruptedException {
    String outside = name + "h";
    String inside = name + "n";
    ip("netns", "add", name);
    ip("link", "add", outside, "type", "veth", "peer", "name", inside);
    ip("link", "set", inside, "netns", name);
    ip("addr", "add", hostAddress + "/30", "dev", outside);
    ip("link", "set", outside, "up");
    ip("-n", name, "addr", "add", address + "/30", "dev", inside);
    ip("-n", name, "link", "set", inside, "up");
    ip("-n", name, "link", "set", "lo", "up");
  }

  public String name() {
    return name;
  }

  /** The address inside the namespace, where its engine listens. */
  public String address() {
    return address;
  }

  private static void ip(String... args) throws IOException, InterruptedException {
    List<String> argv = new java.util.ArrayList<>(List.of("ip"));
    argv.addAll(List.of(args));
    Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException(String.join(" ", argv) + " failed: " + out.strip());
    }
  }

  /** Deletes the namespace (and with it both veth ends); quiet when already gone. */
  @Override
  public void close() {
    try {
      ip("netns", "delete", name);
    } catch (IOException gone) {
      // never made, or deleted already
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      ip("link", "delete", name + "h"); // only left when the namespace was never made
    } catch (IOException gone) {
      // deleted with the namespace: the usual case
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
