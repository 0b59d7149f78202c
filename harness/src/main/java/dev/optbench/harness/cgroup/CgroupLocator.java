package dev.optbench.harness.cgroup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the host folders of a process's cgroups, from the two texts the kernel gives: {@code
 * /proc/<pid>/cgroup} (which cgroup, per hierarchy) and {@code /proc/self/mountinfo} (where each
 * hierarchy is mounted here). Works for both drivers (cgroupfs {@code /docker/<id>}, systemd {@code
 * /system.slice/docker-<id>.scope}) and for v2, whose single hierarchy is keyed {@code unified}.
 * Pure text in, paths out, so tests feed recorded files.
 */
public final class CgroupLocator {
  public static final String UNIFIED = "unified";

  /** Super options of a v1 mount mix controllers with flags (rw, xattr, name=systemd). */
  private static final Set<String> V1_CONTROLLERS =
      Set.of(
          "cpu",
          "cpuacct",
          "cpuset",
          "memory",
          "blkio",
          "pids",
          "devices",
          "freezer",
          "net_cls",
          "net_prio",
          "perf_event",
          "hugetlb",
          "rdma",
          "misc");

  private CgroupLocator() {}

  /** Controller ("memory", "cpuacct", ... or "unified") to its host folder for that process. */
  public static Map<String, Path> locate(long hostPid) {
    try {
      return locate(
          Files.readAllLines(Path.of("/proc", Long.toString(hostPid), "cgroup")),
          Files.readAllLines(Path.of("/proc/self/mountinfo")));
    } catch (IOException e) {
      return Map.of(); // not our PID namespace, or the process is gone: callers fall back
    }
  }

  /** Mount points of every cgroup hierarchy here, named ones (name=systemd) included. */
  public static List<Path> hierarchyRoots() {
    try {
      return hierarchyRoots(Files.readAllLines(Path.of("/proc/self/mountinfo")));
    } catch (IOException e) {
      return List.of();
    }
  }

  static List<Path> hierarchyRoots(List<String> mountinfo) {
    List<Path> roots = new ArrayList<>();
    for (String line : mountinfo) {
      int dash = line.indexOf(" - ");
      String[] head = dash < 0 ? new String[0] : line.substring(0, dash).split(" ");
      String fstype = dash < 0 ? "" : line.substring(dash + 3).split(" ")[0];
      if (head.length >= 5 && head[3].equals("/") && fstype.startsWith("cgroup")) {
        roots.add(Path.of(unescape(head[4])));
      }
    }
    return roots;
  }

  static Map<String, Path> locate(List<String> procCgroup, List<String> mountinfo) {
    Map<String, Path> mounts = cgroupMounts(mountinfo);
    Map<String, Path> dirs = new LinkedHashMap<>();
    for (String line : procCgroup) {
      String[] f = line.split(":", 3); // hierarchy-id:controllers:path
      if (f.length != 3) {
        continue;
      }
      List<String> controllers = f[1].isEmpty() ? List.of(UNIFIED) : List.of(f[1].split(","));
      for (String controller : controllers) {
        Path mount = mounts.get(controller);
        if (mount != null) {
          dirs.putIfAbsent(controller, mount.resolve(relative(f[2])));
        }
      }
    }
    return dirs;
  }

  /** Mount point per controller; v2's unified hierarchy under {@link #UNIFIED}. */
  static Map<String, Path> cgroupMounts(List<String> mountinfo) {
    Map<String, Path> mounts = new LinkedHashMap<>();
    for (String line : mountinfo) {
      // id parent major:minor root mount-point options [optional...] - fstype source super-options
      int dash = line.indexOf(" - ");
      if (dash < 0) {
        continue;
      }
      String[] head = line.substring(0, dash).split(" ");
      String[] tail = line.substring(dash + 3).split(" ");
      if (head.length < 5 || tail.length < 3) {
        continue;
      }
      Path mountPoint = Path.of(unescape(head[4]));
      if (!head[3].equals("/")) {
        continue; // a bind mount of a sub-cgroup (inside a container): paths would not line up
      }
      if (tail[0].equals("cgroup2")) {
        mounts.putIfAbsent(UNIFIED, mountPoint);
      } else if (tail[0].equals("cgroup")) {
        for (String option : tail[2].split(",")) {
          if (V1_CONTROLLERS.contains(option)) {
            mounts.putIfAbsent(option, mountPoint);
          }
        }
      }
    }
    return mounts;
  }

  private static String relative(String cgroupPath) {
    return cgroupPath.startsWith("/") ? cgroupPath.substring(1) : cgroupPath;
  }

  /** mountinfo escapes blanks as octal (\040). */
  private static String unescape(String field) {
    return field.replace("\\040", " ").replace("\\011", "\t").replace("\\134", "\\");
  }
}
