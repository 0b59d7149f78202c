/**
 * The Docker runtime: one long-lived container per variant, and in it one long-lived {@code docker
 * exec} of {@code optbench-exec --serve} that runs every unit ({@link
 * dev.optbench.harness.runtime.docker.ServeSession}; one exec per unit, {@link
 * dev.optbench.harness.runtime.docker.UnitExec}, where that cannot work).
 *
 * <p>How a unit is measured, and why:
 *
 * <ul>
 *   <li>Each sandbox gets a parent cgroup {@code optbench-docker/<container-name>} (v1 or v2, made
 *       by {@code harness.cgroup}); the container (CgroupParent, cgroupfs driver) and {@code
 *       units/} are its children, and every unit gets a fresh {@code units/unit-<n>} with the
 *       memory limit and the blkio accounting rule. {@code units/} is bind-mounted into the
 *       container and optbench-exec moves the unit into its cgroup before exec ({@code
 *       --cgroup-procs}), so the helper's own work (and, for a one-off exec, runc's setup, ~40 ms
 *       CPU) is not charged to the unit. See {@link
 *       dev.optbench.harness.runtime.docker.UnitCgroups} for why fresh and why siblings.
 *   <li>Totals (CPU, peak memory, block I/O, OOM kills) are the unit cgroup's counters read on the
 *       host; wall time comes from optbench-exec, not from the exec round trip (hundreds of ms on a
 *       busy machine).
 *   <li>This needs the engine on this machine, its cgroupfs driver, and root: the cgroup files are
 *       made and read under this machine's /sys/fs/cgroup and the container's processes are killed
 *       by host pid on timeout. With a remote engine ({@code tcp://}), the systemd driver, or
 *       without root, totals come from optbench-exec's rusage ({@code source = docker/rusage}: peak
 *       is RSS, no block I/O, no OOM count) and a timeout kills and restarts the whole container.
 * </ul>
 *
 * <p>Cleanup: {@link dev.optbench.harness.runtime.docker.DockerSandbox#close()} removes the
 * container and its cgroups; a shutdown hook closes what is still open on Ctrl-C/SIGTERM; {@link
 * dev.optbench.harness.runtime.docker.DockerJanitor} removes what a SIGKILLed run left behind.
 */
package dev.optbench.harness.runtime.docker;
