package dev.optbench.harness.runtime.cgroup;

import dev.optbench.harness.host.OwnerProcess;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The folder of one run's cgroups below {@code optbench/}: {@code <run-id>@<pid>-<start-ticks>},
 * naming the JVM that made it (its {@link OwnerProcess}: pid and the kernel's start time in clock
 * ticks since boot, exact in every JVM whatever the wall clock does), so the next run can tell a
 * SIGKILLed run's leftovers from the cgroups of a run still measuring on this machine. Names made
 * before 2026-12-07 carry the start instant in epoch milliseconds instead; they are still read.
 *
 * <p>Why in the name and not in a marker file: a cgroupfs folder holds only the kernel's control
 * files, and a marker elsewhere (the cache folder) would be missed whenever runs use different
 * caches ({@code --cache}, {@code OPTBENCH_CACHE}, another user's home), and would have to be
 * written and removed in step with the folders. The name is made with the folder in one mkdir,
 * cannot be lost, and cleaning needs nothing but the cgroup tree. No boot id in it: cgroupfs lives
 * in kernel memory, so every folder found was made during this boot.
 */
final class RunCgroupName {
  private static final Pattern OWNED = Pattern.compile("(.+)@(\\d+)-(\\d+)");

  private RunCgroupName() {}

  /**
   * @param runId already made {@link CgroupRuntime#safe safe}, so it holds no {@code @}
   * @return the run id alone when the owner's start ticks are unknown: such a folder is never
   *     cleaned, as a reused pid could not be told from the owner
   */
  static String of(String runId, OwnerProcess owner) {
    if (owner.startTicks() <= 0) {
      return runId;
    }
    return runId + "@" + owner.pid() + "-" + owner.startTicks();
  }

  /**
   * Above this a start number is epoch milliseconds (an older name), not ticks since boot: 10^11
   * ticks would be 31 years of uptime at 100 Hz, and 10^11 ms after the epoch is 1973.
   */
  private static final long LEGACY_MILLIS = 100_000_000_000L;

  /** The owner a folder names; empty for any other folder (older optbench, made by hand). */
  static Optional<OwnerProcess> owner(String folder) {
    Matcher m = OWNED.matcher(folder);
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      long pid = Long.parseLong(m.group(2));
      long start = Long.parseLong(m.group(3));
      return Optional.of(
          start > LEGACY_MILLIS
              ? OwnerProcess.ofThisBoot(pid, Instant.ofEpochMilli(start))
              : OwnerProcess.ofThisBoot(pid, start));
    } catch (NumberFormatException e) {
      return Optional.empty(); // digits beyond a long: not a name we made
    }
  }
}
