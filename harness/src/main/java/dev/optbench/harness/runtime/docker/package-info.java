/**
 * The Docker runtime: one long-lived container per variant, one {@code docker exec} per unit.
 *
 * <p>How a unit is measured, and why:
 *
 * <ul>
 *   <li>Each sandbox gets a cgroup v1 parent {@code /optbench-docker/<container-name>} with the
 *       memory limit; the container (CgroupParent) and a {@code unit} cgroup are its children. The
 *       unit folders are bind-mounted into the container and optbench-exec moves the unit into them
 *       before exec ({@code --cgroup-procs}), so runc's exec setup (~40 ms CPU per exec) is not
 *       charged to the unit.
 *   <li>Totals (CPU, peak memory, block I/O, OOM kills) are the unit cgroup's counters read on the
 *       host before and after; the peak is reset to 0 before each unit. Wall time comes from
 *       optbench-exec, not from the exec round trip (hundreds of ms on a busy machine).
 *   <li>This needs the engine on this machine and root: the cgroup files are read from this
 *       machine's /sys/fs/cgroup and the container's processes are killed by host pid on timeout.
 *       With a remote engine ({@code tcp://}) or without root, totals come from optbench-exec's
 *       rusage ({@code source = docker/rusage}: peak is RSS, no block I/O, no OOM count) and a
 *       timeout kills and restarts the whole container.
 *   <li>cgroup v2 hosts currently get the rusage fallback too; the unit cgroup scheme carries over
 *       (v2 has one hierarchy, {@code memory.peak}, {@code memory.events}).
 * </ul>
 *
 * <p>Cleanup: {@link dev.optbench.harness.runtime.docker.DockerSandbox#close()} removes the
 * container and its cgroups; a shutdown hook closes what is still open on Ctrl-C/SIGTERM; {@link
 * dev.optbench.harness.runtime.docker.DockerJanitor} removes what a SIGKILLed run left behind.
 */
package dev.optbench.harness.runtime.docker;
