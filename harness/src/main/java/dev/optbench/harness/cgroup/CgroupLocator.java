package dev.optbench.harness.cgroup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
      MountLine.parse(line)
          .filter(m -> m.wholeHierarchy() && m.fstype().startsWith("cgroup"))
          .ifPresent(m -> roots.add(m.mountPoint()));
    }
    return roots;
  }

  /**
   * The cgroup2 hierarchy's mount (v2's only one, or a hybrid host's {@code unified}).
   *
   * @param mountPoint where it is mounted
   * @param superOptions its super options as the kernel lists them, e.g.
   *     "rw,nsdelegate,memory_recursiveprot"
   */
  public record Cgroup2Mount(String mountPoint, String superOptions) {
    public List<String> options() {
      return List.of(superOptions.split(","));
    }
  }

  /** The first whole cgroup2 hierarchy mounted here, if any. */
  public static Optional<Cgroup2Mount> cgroup2Mount(List<String> mountinfo) {
    for (String line : mountinfo) {
      Optional<MountLine> m =
          MountLine.parse(line).filter(l -> l.wholeHierarchy() && l.fstype().equals("cgroup2"));
      if (m.isPresent()) {
        return Optional.of(
            new Cgroup2Mount(m.get().mountPoint().toString(), m.get().superOptions()));
      }
    }
    return Optional.empty();
  }

  /**
   * One line of mountinfo: id parent major:minor root mount-point options ... - fstype source
   * super-options.
   */
  private record MountLine(String root, Path mountPoint, String fstype, String superOptions) {
    static Optional<MountLine> parse(String line) {
      int dash = line.indexOf(" - ");
      if (dash < 0) {
        return Optional.empty();
      }
      String[] head = line.substring(0, dash).split(" ");
      String[] tail = line.substring(dash + 3).split(" ");
      if (head.length < 5 || tail.length < 3) {
        return Optional.empty();
      }
      return Optional.of(new MountLine(head[3], Path.of(unescape(head[4])), tail[0], tail[2]));
    }

    /** Not a bind mount of a sub-cgroup (inside a container), whose paths would not line up. */
    boolean wholeHierarchy() {
      return root.equals("/");
    }
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
      Optional<MountLine> parsed = MountLine.parse(line).filter(MountLine::wholeHierarchy);
      if (parsed.isEmpty()) {
        continue;
      }
      MountLine m = parsed.get();
      if (m.fstype().equals("cgroup2")) {
        mounts.putIfAbsent(UNIFIED, m.mountPoint());
      } else if (m.fstype().equals("cgroup")) {
        for (String option : m.superOptions().split(",")) {
          if (V1_CONTROLLERS.contains(option)) {
            mounts.putIfAbsent(option, m.mountPoint());
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
