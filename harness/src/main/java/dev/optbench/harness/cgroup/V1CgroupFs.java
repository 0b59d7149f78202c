package dev.optbench.harness.cgroup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * cgroup v1: one hierarchy per controller under the root ({@code cpuset/}, {@code cpuacct/}, ...;
 * co-mounted ones such as {@code cpu,cpuacct} appear through the usual symlinks and are created
 * once). Needs cpuset, cpuacct and memory; uses cpu (quota), blkio and pids when present.
 */
public final class V1CgroupFs implements CgroupFs {
  static final List<String> REQUIRED = List.of("cpuset", "cpuacct", "memory");
  static final List<String> OPTIONAL = List.of("cpu", "blkio", "pids");

  private final Path root;
  private final Path sysBlock;
  private final CpuWeight weight = CpuWeight.V1.fresh();

  public V1CgroupFs(Path root) {
    this(root, V1IoAccounting.SYS_BLOCK);
  }

  /**
   * @param sysBlock where block devices are listed (/sys/block), for I/O accounting rules
   */
  public V1CgroupFs(Path root, Path sysBlock) {
    this.root = root;
    this.sysBlock = sysBlock;
  }

  @Override
  public String source() {
    return "cgroup-v1";
  }

  @Override
  public Status status() {
    List<String> problems = new ArrayList<>();
    for (String controller : REQUIRED) {
      Path dir = root.resolve(controller);
      if (!Files.exists(dir.resolve("cgroup.procs"))) {
        problems.add("controller '" + controller + "' is not mounted at " + dir);
      } else if (!Files.isWritable(dir)) {
        problems.add(dir + " is not writable (run as root)");
      }
    }
    if (!problems.isEmpty()) {
      return Status.no(
          "cgroup v1: "
              + String.join("; ", problems)
              + ". Mount the controllers (mount -t cgroup -o NAME cgroup "
              + root
              + "/NAME) or pick the process runtime.");
    }
    Map<String, Path> found = controllers();
    String cpu =
        found.containsKey("cpu")
            ? "units get " + weight.describe()
            : "no cpu controller: units run at the default CPU weight";
    return Status.yes(
        "cgroup v1 at " + root + " (controllers " + found.keySet() + "; " + cpu + ")");
  }

  /** Mounted controllers we use, name to hierarchy root. */
  Map<String, Path> controllers() {
    Map<String, Path> found = new LinkedHashMap<>();
    for (String controller : concat(REQUIRED, OPTIONAL)) {
      Path dir = root.resolve(controller);
      if (Files.exists(dir.resolve("cgroup.procs"))) {
        found.put(controller, dir);
      }
    }
    return found;
  }

  @Override
  public Cgroup create(String path, CgroupSettings settings) {
    synchronized (CgroupTree.CREATING) {
      return createNow(path, settings);
    }
  }

  private Cgroup createNow(String path, CgroupSettings settings) {
    Map<String, Path> dirs = new LinkedHashMap<>();
    for (Map.Entry<String, Path> controller : controllers().entrySet()) {
      boolean cpuset = controller.getKey().equals("cpuset");
      Path dir =
          CgroupTree.create(
              controller.getValue(),
              path,
              created -> {
                if (cpuset) {
                  inheritCpuset(created); // a v1 cpuset starts empty; no task may join it so
                }
              });
      dirs.put(controller.getKey(), dir);
    }
    V1Cgroup cgroup = new V1Cgroup(path, dirs);
    apply(cgroup, settings);
    return cgroup;
  }

  private void apply(V1Cgroup cgroup, CgroupSettings settings) {
    Path cpu = cgroup.dirs().get("cpu");
    if (cpu != null) {
      weight.applyAlong(root.resolve("cpu"), cgroup.path());
    }
    Path blkio = cgroup.dirs().get("blkio");
    if (blkio != null) {
      V1IoAccounting.enable(blkio, sysBlock);
    }
    Path cpuset = cgroup.dirs().get("cpuset");
    if (!settings.cpuset().isEmpty()) {
      CgroupFiles.write(cpuset.resolve("cpuset.cpus"), settings.cpuset());
    }
    if (settings.memoryBytes() > 0) {
      Path memory = cgroup.dirs().get("memory");
      String limit = Long.toString(settings.memoryBytes());
      // memsw must stay >= the memory limit, so set memory first; a fresh cgroup is unlimited
      CgroupFiles.write(memory.resolve("memory.limit_in_bytes"), limit);
      Path memsw = memory.resolve("memory.memsw.limit_in_bytes");
      if (Files.exists(memsw)) {
        CgroupFiles.write(memsw, limit); // no swapping around the limit: memory+swap <= limit
      }
    }
  }

  /** Copies cpus and mems from the parent into a freshly made cpuset cgroup that has none. */
  private static void inheritCpuset(Path dir) {
    for (String file : List.of("cpuset.cpus", "cpuset.mems")) {
      if (CgroupFiles.readString(dir, file).isBlank()) {
        String parent = CgroupFiles.readString(dir.getParent(), file).strip();
        CgroupFiles.write(dir.resolve(file), parent);
      }
    }
  }

  /** Every folder under the root: a mounted hierarchy (symlinked co-mounts appear twice). */
  @Override
  public List<Path> hierarchyRoots() {
    try (Stream<Path> entries = Files.list(root)) {
      return entries.filter(Files::isDirectory).sorted().toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  @Override
  public Cgroup open(String path) {
    Map<String, Path> dirs = new LinkedHashMap<>();
    controllers().forEach((name, hierarchy) -> dirs.put(name, hierarchy.resolve(path)));
    return new V1Cgroup(path, dirs);
  }

  @Override
  public void killAll(Cgroup cgroup) {
    if (!CgroupKiller.killAll(cgroup::pids)) {
      throw new IllegalStateException(
          "processes " + cgroup.pids() + " of cgroup " + cgroup.path() + " survived SIGKILL");
    }
  }

  @Override
  public boolean remove(String path) {
    boolean gone = true;
    for (Path hierarchy : distinctHierarchies()) {
      gone &= CgroupTree.removeWithEmptyParents(hierarchy, path);
    }
    return gone;
  }

  @Override
  public boolean removeLeaf(String path) {
    boolean gone = true;
    for (Path hierarchy : distinctHierarchies()) {
      gone &= CgroupTree.removeLeaf(hierarchy, path);
    }
    return gone;
  }

  /** cpu and cpuacct are often one hierarchy reached by two names; remove it once. */
  private List<Path> distinctHierarchies() {
    Map<Path, Path> byRealPath = new LinkedHashMap<>();
    for (Path hierarchy : controllers().values()) {
      try {
        byRealPath.putIfAbsent(hierarchy.toRealPath(), hierarchy);
      } catch (IOException e) {
        byRealPath.putIfAbsent(hierarchy, hierarchy);
      }
    }
    return List.copyOf(byRealPath.values());
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
