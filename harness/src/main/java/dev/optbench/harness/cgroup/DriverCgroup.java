package dev.optbench.harness.cgroup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * optbench's own process (the JVM that drives the run), and the local Docker engine's daemons that
 * carry its requests, in a cgroup {@code optbench-driver} at the top CPU weight, on the CPUs a core
 * reservation left to the host, for as long as the reservation holds. Without it the driver is one
 * of the host's moved processes at the default weight, and a co-runner at the top weight (the case
 * the reservation is for) leaves it ~0.4 % of the remaining CPU: on 2 cores a main job then stalled
 * for minutes between units (seen here 2026-12-07: the cgroup runtime's driver; with the Docker
 * runtime a round of 2.4 s of units took 75 s, dockerd and containerd starved).
 *
 * <p>v1: the {@code cpu} hierarchy only (the cpuset is the reservation's, the accounting stays
 * where it was). v2: one hierarchy, so the group also gets the other CPUs as its cpuset. Best
 * effort: a host that refuses says so once and the run goes on at the default weight.
 */
public final class DriverCgroup {
  private static final Logger LOG = LoggerFactory.getLogger(DriverCgroup.class);
  public static final String NAME = "optbench-driver";

  private final Path hierarchy;
  private final Map<Long, String> before;

  private DriverCgroup(Path hierarchy, Map<Long, String> before) {
    this.hierarchy = hierarchy;
    this.before = before;
  }

  /**
   * Moves {@code pids} (each with all its threads) into {@code optbench-driver} at the top weight.
   * A process that is gone by then is skipped.
   *
   * @param otherCpus the CPUs the reservation leaves to the host (v2's cpuset for the group); it is
   *     raised before the reservation moves anything
   * @param pids this process first, then what it drives (a local Docker engine's daemons)
   * @return the move, to undo with {@link #restore}; empty when the host refused it
   */
  public static Optional<DriverCgroup> raise(Path root, String otherCpus, List<Long> pids) {
    boolean v2 = CgroupVersion.detect(root) == CgroupVersion.V2;
    Path hierarchy = v2 ? root : root.resolve("cpu");
    try {
      Map<Long, String> before = new LinkedHashMap<>();
      for (long pid : pids) {
        currentPath(pid, v2).ifPresent(path -> before.put(pid, path));
      }
      if (v2) {
        delegate(root, "cpuset");
        delegate(root, "cpu");
      }
      Path group = Files.createDirectories(hierarchy.resolve(NAME));
      if (v2) {
        CgroupFiles.write(group.resolve("cpuset.cpus"), otherCpus);
        CgroupFiles.write(group.resolve(CpuWeight.V2.file()), Long.toString(CpuWeight.V2.value()));
      } else {
        CgroupFiles.write(group.resolve(CpuWeight.V1.file()), Long.toString(CpuWeight.V1.value()));
      }
      for (long pid : before.keySet()) {
        CgroupFiles.write(group.resolve("cgroup.procs"), Long.toString(pid));
      }
      return Optional.of(new DriverCgroup(hierarchy, before));
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      LOG.warn(
          "cannot give optbench's own process the top CPU weight during the core reservation"
              + " ({}): it competes at the default weight",
          e.getMessage());
      removeIfEmpty(root);
      return Optional.empty();
    }
  }

  /** How many processes were raised (this one and those it drives). */
  public int processes() {
    return before.size();
  }

  /** Each process back to the cgroup it was in, and the group removed. */
  public void restore() {
    before.forEach(
        (pid, path) -> {
          try {
            CgroupFiles.write(hierarchy.resolve(path).resolve("cgroup.procs"), Long.toString(pid));
          } catch (UncheckedIOException e) {
            // a daemon that exited meanwhile; anything else is said
            if (ProcessHandle.of(pid).isPresent()) {
              LOG.warn("cannot move process {} back to /{}: {}", pid, path, e.getMessage());
            }
          }
        });
    try {
      Files.deleteIfExists(hierarchy.resolve(NAME));
    } catch (IOException e) {
      LOG.warn("cannot remove {}: {}", hierarchy.resolve(NAME), e.getMessage());
    }
  }

  /** v2 offers a child a controller's files only once its parent delegates the controller. */
  private static void delegate(Path root, String controller) {
    String enabled = CgroupFiles.readString(root, "cgroup.subtree_control");
    if (!List.of(enabled.strip().split("\\s+")).contains(controller)) {
      CgroupFiles.write(root.resolve("cgroup.subtree_control"), "+" + controller);
    }
  }

  /** What a killed run left: the group, empty once its process is gone. */
  public static void removeIfEmpty(Path root) {
    for (Path dir : List.of(root.resolve(NAME), root.resolve("cpu").resolve(NAME))) {
      try {
        Files.deleteIfExists(dir); // rmdir: refused while a process is in it
      } catch (IOException e) {
        LOG.debug("{} stays: {}", dir, e.getMessage());
      }
    }
  }

  /**
   * The cgroup path of {@code pid} in the cpu hierarchy (v1) or the unified one, "" for root; empty
   * when the process is gone.
   */
  private static Optional<String> currentPath(long pid, boolean v2) throws IOException {
    List<String> lines;
    try {
      lines = Files.readAllLines(Path.of("/proc", Long.toString(pid), "cgroup"));
    } catch (NoSuchFileException gone) {
      return Optional.empty();
    }
    for (String line : lines) {
      String[] f = line.split(":", 3);
      if (f.length < 3) {
        continue;
      }
      boolean match = v2 ? f[0].equals("0") : List.of(f[1].split(",")).contains("cpu");
      if (match) {
        return Optional.of(f[2].startsWith("/") ? f[2].substring(1) : f[2]);
      }
    }
    throw new IllegalStateException("no " + (v2 ? "unified" : "cpu") + " cgroup for pid " + pid);
  }
}
