package dev.optbench.harness.runtime.docker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Labels on every container optbench starts. {@link #MANAGED} marks it as ours; the owner labels
 * name the JVM that started it (boot id, pid, start time), so the janitor removes containers of
 * dead runs without touching those of a run still going on this machine.
 */
public final class ContainerLabels {
  public static final String MANAGED = "dev.optbench.managed";
  public static final String VARIANT = "dev.optbench.variant";
  public static final String OWNER_BOOT_ID = "dev.optbench.owner.boot-id";
  public static final String OWNER_PID = "dev.optbench.owner.pid";
  public static final String OWNER_STARTED = "dev.optbench.owner.started";

  private ContainerLabels() {}

  /** The caller's labels plus ours; ours win, so a leftover can always be recognised. */
  public static Map<String, String> forContainer(String variant, Map<String, String> userLabels) {
    Map<String, String> labels = new HashMap<>(userLabels);
    labels.put(MANAGED, "true");
    labels.put(VARIANT, variant);
    labels.putAll(owner(ProcessHandle.current()));
    return labels;
  }

  static Map<String, String> owner(ProcessHandle process) {
    return Map.of(
        OWNER_BOOT_ID, bootId(),
        OWNER_PID, Long.toString(process.pid()),
        OWNER_STARTED, process.info().startInstant().map(Instant::toString).orElse(""));
  }

  /**
   * Whether the process that started a container with these labels may still run. Meant for a local
   * engine: its containers were started from this machine, so another boot id means an earlier
   * boot, whose processes are all gone. Containers without owner labels count as alive: we cannot
   * tell, so they are not ours to remove.
   */
  static boolean ownerAlive(Map<String, String> labels) {
    String boot = labels.get(OWNER_BOOT_ID);
    String pid = labels.get(OWNER_PID);
    String thisBoot = bootId();
    if (boot == null || pid == null || thisBoot.isEmpty()) {
      return true;
    }
    if (!boot.equals(thisBoot)) {
      return false;
    }
    Optional<ProcessHandle> process;
    try {
      process = ProcessHandle.of(Long.parseLong(pid));
    } catch (NumberFormatException e) {
      return true;
    }
    // A pid reused by another process has another start time.
    String started = labels.getOrDefault(OWNER_STARTED, "");
    return process
        .filter(ProcessHandle::isAlive)
        .map(p -> owner(p).get(OWNER_STARTED).equals(started))
        .orElse(false);
  }

  static String bootId() {
    try {
      return Files.readString(Path.of("/proc/sys/kernel/random/boot_id")).trim();
    } catch (IOException e) {
      return "";
    }
  }
}
