package dev.optbench.harness.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Closes still-open sandboxes when the JVM shuts down (normal exit, Ctrl-C, SIGTERM), so no cgroup
 * and no unit process outlives the run. SIGKILL cannot be caught; what such a run leaves is removed
 * by the next one ({@link ContainerRuntime#removeLeftovers}).
 */
public final class ShutdownCloser {
  private static final Set<AutoCloseable> OPEN = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(ShutdownCloser::closeAll, "optbench-cleanup"));
  }

  private ShutdownCloser() {}

  public static void register(AutoCloseable sandbox) {
    OPEN.add(sandbox);
  }

  public static void unregister(AutoCloseable sandbox) {
    OPEN.remove(sandbox);
  }

  private static void closeAll() {
    List<AutoCloseable> open = new ArrayList<>(OPEN);
    for (AutoCloseable sandbox : open) {
      try {
        sandbox.close();
      } catch (Exception e) {
        System.err.println("optbench: could not clean up " + sandbox + ": " + e);
      }
    }
  }
}
