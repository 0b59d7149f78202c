package dev.optbench.harness.runtime;

/**
 * Discovered with {@link java.util.ServiceLoader}; the available provider with the highest priority
 * wins unless the user forces one by name. The choice is printed and recorded.
 */
public interface ContainerRuntimeProvider {

  String name();

  /** Higher wins: docker 300, cgroup 200, process 100. */
  int priority();

  /** Whether this runtime works on this machine now, and if not, what to do about it. */
  Availability availability();

  ContainerRuntime create();

  /**
   * @param reason for an unavailable runtime, a sentence that says what is missing and how to fix
   *     it; for an available one, what was found (e.g. "Docker 20.10 at unix:///...")
   */
  record Availability(boolean available, String reason) {
    public static Availability yes(String what) {
      return new Availability(true, what);
    }

    public static Availability no(String why) {
      return new Availability(false, why);
    }
  }
}
