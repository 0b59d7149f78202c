package dev.optbench.harness.cgroup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * optbench's own process (the JVM that drives the run) in a cgroup {@code optbench-driver} at the
 * top CPU weight, on the CPUs a core reservation left to the host, for as long as the reservation
 * holds. Without it the driver is one of the host's moved processes at the default weight, and a
 * co-runner at the top weight (the case the reservation is for) leaves it ~0.4 % of the remaining
 * CPU: on 2 cores a main job then stalled for minutes between units (seen here 2026-12-07).
 *
 * <p>v1: the {@code cpu} hierarchy only (the cpuset is the reservation's, the accounting stays
 * where it was). v2: one hierarchy, so the group also gets the other CPUs as its cpuset. Best
 * effort: a host that refuses says so once and the run goes on at the default weight.
 */
public final class DriverCgroup {
  private static final Logger LOG = LoggerFactory.getLogger(DriverCgroup.class);
  public static final String NAME = "optbench-driver";

  private final Path hierarchy;
  private final String before;
  private final long pid;

  private DriverCgroup(Path hierarchy, String before, long pid) {
    this.hierarchy = hierarchy;
    this.before = before;
    this.pid = pid;
  }

  /**
   * Moves {@code pid} (all its threads) into {@code optbench-driver} at the top weight.
   *
   * @param otherCpus the CPUs the reservation left to the host (v2's cpuset for the group)
   * @return the move, to undo with {@link #restore}; empty when the host refused it
   */
  public static Optional<DriverCgroup> raise(Path root, String otherCpus, long pid) {
    boolean v2 = CgroupVersion.detect(root) == CgroupVersion.V2;
    Path hierarchy = v2 ? root : root.resolve("cpu");
    try {
      String before = currentPath(pid, v2);
      Path group = Files.createDirectories(hierarchy.resolve(NAME));
      if (v2) {
        CgroupFiles.write(group.resolve("cpuset.cpus"), otherCpus);
        CgroupFiles.write(group.resolve(CpuWeight.V2.file()), Long.toString(CpuWeight.V2.value()));
      } else {
        CgroupFiles.write(group.resolve(CpuWeight.V1.file()), Long.toString(CpuWeight.V1.value()));
      }
      CgroupFiles.write(group.resolve("cgroup.procs"), Long.toString(pid));
      return Optional.of(new DriverCgroup(hierarchy, before, pid));
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      LOG.warn(
          "cannot give optbench's own process the top CPU weight during the core reservation"
              + " ({}): it competes at the default weight",
          e.getMessage());
      removeIfEmpty(root);
      return Optional.empty();
    }
  }

  /** Back to the cgroup it was in, and the group removed. */
  public void restore() {
    try {
      CgroupFiles.write(hierarchy.resolve(before).resolve("cgroup.procs"), Long.toString(pid));
    } catch (UncheckedIOException e) {
      LOG.warn("cannot move optbench's own process back to {}: {}", before, e.getMessage());
    }
    try {
      Files.deleteIfExists(hierarchy.resolve(NAME));
    } catch (IOException e) {
      LOG.warn("cannot remove {}: {}", hierarchy.resolve(NAME), e.getMessage());
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

  /** The cgroup path of {@code pid} in the cpu hierarchy (v1) or the unified one, "" for root. */
  private static String currentPath(long pid, boolean v2) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "cgroup"))) {
      String[] f = line.split(":", 3);
      if (f.length < 3) {
        continue;
      }
      boolean match = v2 ? f[0].equals("0") : List.of(f[1].split(",")).contains("cpu");
      if (match) {
        return f[2].startsWith("/") ? f[2].substring(1) : f[2];
      }
    }
    throw new IllegalStateException("no " + (v2 ? "unified" : "cpu") + " cgroup for pid " + pid);
  }
}
