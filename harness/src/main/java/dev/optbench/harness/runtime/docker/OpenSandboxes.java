package dev.optbench.harness.runtime.docker;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sandboxes not yet closed, closed by a JVM shutdown hook on Ctrl-C / SIGTERM / normal exit, so no
 * container outlives its run. (SIGKILL runs no hook; {@link DockerJanitor} cleans up after that.)
 */
final class OpenSandboxes {
  private static final Set<DockerSandbox> OPEN = ConcurrentHashMap.newKeySet();
  private static volatile boolean hookInstalled;

  private OpenSandboxes() {}

  static void add(DockerSandbox sandbox) {
    installHook();
    OPEN.add(sandbox);
  }

  static void remove(DockerSandbox sandbox) {
    OPEN.remove(sandbox);
  }

  private static synchronized void installHook() {
    if (hookInstalled) {
      return;
    }
    Runtime.getRuntime()
        .addShutdownHook(new Thread(OpenSandboxes::closeAll, "optbench-docker-cleanup"));
    hookInstalled = true;
  }

  static void closeAll() {
    for (DockerSandbox sandbox : new ArrayList<>(List.copyOf(OPEN))) {
      try {
        sandbox.close();
      } catch (RuntimeException e) {
        // the JVM is going down; say what is left behind, the janitor removes it next time
        System.err.println("optbench: could not remove " + sandbox.target().name() + ": " + e);
      }
    }
  }
}
