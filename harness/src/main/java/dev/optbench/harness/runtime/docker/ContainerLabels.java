package dev.optbench.harness.runtime.docker;

import dev.optbench.harness.host.OwnerProcess;
import java.util.HashMap;
import java.util.Map;

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
  public static final String OWNER_START_TICKS = "dev.optbench.owner.start-ticks";

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
    OwnerProcess owner = OwnerProcess.of(process);
    return Map.of(
        OWNER_BOOT_ID, owner.bootId(),
        OWNER_PID, Long.toString(owner.pid()),
        OWNER_STARTED, owner.started(),
        OWNER_START_TICKS, Long.toString(owner.startTicks()));
  }

  /**
   * Whether the process that started a container with these labels may still run ({@link
   * OwnerProcess#alive}). Meant for a local engine: its containers were started from this machine,
   * so another boot id means an earlier boot, whose processes are all gone. Containers without
   * owner labels count as alive: we cannot tell, so they are not ours to remove. Containers of an
   * optbench before 2026-12-07 have no start ticks: their start instant decides.
   */
  static boolean ownerAlive(Map<String, String> labels) {
    String boot = labels.get(OWNER_BOOT_ID);
    String pid = labels.get(OWNER_PID);
    if (boot == null || pid == null) {
      return true;
    }
    try {
      return new OwnerProcess(
              boot,
              Long.parseLong(pid),
              labels.getOrDefault(OWNER_STARTED, ""),
              Long.parseLong(labels.getOrDefault(OWNER_START_TICKS, "0")))
          .alive();
    } catch (NumberFormatException e) {
      return true;
    }
  }
}
