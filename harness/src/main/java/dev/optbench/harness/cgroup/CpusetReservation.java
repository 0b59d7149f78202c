package dev.optbench.harness.cgroup;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Moves the host's other work off the benchmark CPUs and back: the cpuset files' side of a core
 * reservation (as BenchExec asks its users to arrange, done here for them). The processes of the
 * root cgroup move into a sibling group whose cpuset is every other CPU; the other top-level groups
 * (and on v1 their children, deepest first, since v1 wants a child's CPUs inside its parent's) lose
 * the benchmark CPUs; groups {@code ours} names (optbench's sandboxes) are left alone. Release puts
 * every process back in the root and every cpuset back as it was, in reverse order.
 *
 * <p>What the kernel does not allow is counted, not fatal: kernel threads bound to a CPU cannot
 * move, a group whose CPUs are all benchmark CPUs keeps them. A task that pinned itself with {@code
 * taskset} loses that pin when it moves: the kernel resets a moved task's affinity to its new
 * cpuset.
 */
public final class CpusetReservation {
  private CpusetReservation() {}

  /**
   * What was changed, enough to undo it (also after a crash: it is written to a file).
   *
   * @param hierarchy the cpuset hierarchy's root (v1 {@code <root>/cpuset}, v2 the root)
   * @param group the folder the root's processes moved into, below the hierarchy
   * @param shrunk each group whose CPUs were narrowed, with its CPUs before, in the order changed
   * @param moved processes moved out of the root cgroup
   * @param refused processes the kernel would not move (kernel threads bound to a CPU)
   * @param kept groups that keep benchmark CPUs (all their CPUs are benchmark CPUs)
   */
  @JsonPropertyOrder({
    "version",
    "hierarchy",
    "group",
    "benchmarkCpus",
    "otherCpus",
    "moved",
    "refused",
    "shrunk",
    "kept"
  })
  public record State(
      String version,
      String hierarchy,
      String group,
      String benchmarkCpus,
      String otherCpus,
      int moved,
      int refused,
      List<Shrunk> shrunk,
      List<String> kept) {}

  /** A group's path below the hierarchy and its {@code cpuset.cpus} before the reservation. */
  public record Shrunk(String path, String cpus) {}

  /**
   * Moves the root cgroup's processes into {@code group} (made here) on every CPU but {@code
   * benchmarkCpus}, and narrows the other groups likewise.
   *
   * @param ours names of top-level groups never touched (the benchmark's own sandboxes)
   * @throws IllegalArgumentException when no CPU would be left for the other work
   * @throws IllegalStateException when the host has no usable cpuset hierarchy
   */
  public static State reserve(
      Path root, String benchmarkCpus, String group, Predicate<String> ours) {
    CgroupVersion version = CgroupVersion.detect(root);
    if (version == CgroupVersion.NONE) {
      throw new IllegalStateException("no cgroup file system at " + root + ": cannot reserve CPUs");
    }
    boolean v2 = version == CgroupVersion.V2;
    Path hierarchy = v2 ? root : root.resolve("cpuset");
    if (!Files.isRegularFile(hierarchy.resolve("cgroup.procs"))) {
      throw new IllegalStateException("no cpuset hierarchy at " + hierarchy);
    }
    BitSet all = CpuList.parse(rootCpus(hierarchy, v2));
    BitSet bench = CpuList.parse(benchmarkCpus);
    BitSet others = (BitSet) all.clone();
    others.andNot(bench);
    if (others.isEmpty()) {
      throw new IllegalArgumentException(
          "the benchmark cpuset "
              + benchmarkCpus
              + " takes every CPU ("
              + CpuList.format(all)
              + "): no CPU is left to move the host's other work to; pick fewer (e.g. --cpuset 0)");
    }
    String otherCpus = CpuList.format(others);
    if (v2) {
      enableCpuset(hierarchy);
    }
    Path target = hierarchy.resolve(group);
    List<Shrunk> shrunk = new ArrayList<>();
    List<String> kept = new ArrayList<>();
    try {
      return change(hierarchy, target, v2, bench, otherCpus, ours, shrunk, kept);
    } catch (RuntimeException e) {
      // undo what was done so far: a half reservation must not outlive the failed run
      release(
          new State(
              v2 ? "v2" : "v1",
              hierarchy.toString(),
              group,
              CpuList.format(bench),
              otherCpus,
              0,
              0,
              List.copyOf(shrunk),
              List.copyOf(kept)));
      throw e;
    }
  }

  /**
   * The CPUs a reservation of {@code benchmarkCpus} leaves to the host's other work, "" when none
   * or when the host has no cpuset hierarchy (then {@link #reserve} refuses with the reason).
   */
  public static String otherCpus(Path root, String benchmarkCpus) {
    boolean v2 = CgroupVersion.detect(root) == CgroupVersion.V2;
    Path hierarchy = v2 ? root : root.resolve("cpuset");
    if (!Files.isRegularFile(hierarchy.resolve("cgroup.procs"))) {
      return "";
    }
    BitSet others = CpuList.parse(rootCpus(hierarchy, v2));
    others.andNot(CpuList.parse(benchmarkCpus));
    return CpuList.format(others);
  }

  private static State change(
      Path hierarchy,
      Path target,
      boolean v2,
      BitSet bench,
      String otherCpus,
      Predicate<String> ours,
      List<Shrunk> shrunk,
      List<String> kept) {
    String group = target.getFileName().toString();
    try {
      Files.createDirectories(target);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + target, e);
    }
    if (!v2) {
      CgroupFiles.write(
          target.resolve("cpuset.mems"), CgroupFiles.readString(hierarchy, "cpuset.mems").strip());
    }
    CgroupFiles.write(target.resolve("cpuset.cpus"), otherCpus);
    for (Path top : children(hierarchy)) {
      String name = top.getFileName().toString();
      if (name.equals(group) || ours.test(name)) {
        continue;
      }
      // v2: a child's effective CPUs are within its parent's, so the top level is enough
      List<Path> dirs = v2 ? List.of(top) : deepestFirst(top);
      for (Path dir : dirs) {
        narrow(hierarchy, dir, v2, bench, shrunk, kept);
      }
    }
    int[] counts = moveAll(hierarchy, target);
    return new State(
        v2 ? "v2" : "v1",
        hierarchy.toString(),
        group,
        CpuList.format(bench),
        otherCpus,
        counts[0],
        counts[1],
        List.copyOf(shrunk),
        List.copyOf(kept));
  }

  /**
   * Undoes {@code state}: every process in its group back to the root, every narrowed group's CPUs
   * back (parents before children), the group removed. Goes on past a failure.
   *
   * @return what could not be undone, one sentence each; empty when everything was
   */
  public static List<String> release(State state) {
    List<String> problems = new ArrayList<>();
    Path hierarchy = Path.of(state.hierarchy());
    Path group = hierarchy.resolve(state.group());
    if (Files.isDirectory(group)) {
      int[] counts = moveAll(group, hierarchy);
      if (counts[1] > 0) {
        problems.add(counts[1] + " process(es) could not move back from " + group);
      }
    }
    List<Shrunk> reversed = new ArrayList<>(state.shrunk());
    java.util.Collections.reverse(reversed);
    for (Shrunk s : reversed) {
      Path file = hierarchy.resolve(s.path()).resolve("cpuset.cpus");
      if (!Files.exists(file)) {
        continue; // the group is gone: nothing to give back
      }
      try {
        CgroupFiles.write(file, s.cpus().isEmpty() ? "\n" : s.cpus());
      } catch (UncheckedIOException e) {
        problems.add(
            "cannot give " + s.path() + " back its CPUs " + s.cpus() + ": " + e.getMessage());
      }
    }
    try {
      Files.deleteIfExists(group);
    } catch (IOException e) {
      problems.add("cannot remove " + group + ": " + e.getMessage());
    }
    return problems;
  }

  private static String rootCpus(Path hierarchy, boolean v2) {
    String name = v2 ? "cpuset.cpus.effective" : "cpuset.effective_cpus";
    if (!Files.exists(hierarchy.resolve(name))) {
      name = "cpuset.cpus";
    }
    return CgroupFiles.readString(hierarchy, name);
  }

  /** v2 offers a child the cpuset files only once the root delegates the controller. */
  private static void enableCpuset(Path root) {
    String enabled = CgroupFiles.readString(root, "cgroup.subtree_control");
    if (!List.of(enabled.strip().split("\\s+")).contains("cpuset")) {
      CgroupFiles.write(root.resolve("cgroup.subtree_control"), "+cpuset");
    }
  }

  private static void narrow(
      Path hierarchy, Path dir, boolean v2, BitSet bench, List<Shrunk> shrunk, List<String> kept) {
    Path file = dir.resolve("cpuset.cpus");
    if (!Files.exists(file)) {
      return; // v2: the cpuset controller is not enabled there
    }
    String before = CgroupFiles.readString(dir, "cpuset.cpus").strip();
    BitSet cpus = CpuList.parse(before);
    String rel = hierarchy.relativize(dir).toString();
    if (v2 && before.isEmpty()) {
      // v2: empty means "as the parent", i.e. every CPU: narrow it like a group that lists them;
      // on v1 an empty list is a group without CPUs, left as it is
      cpus = CpuList.parse(rootCpus(hierarchy, true));
    }
    if (!cpus.intersects(bench)) {
      return;
    }
    BitSet after = (BitSet) cpus.clone();
    after.andNot(bench);
    if (after.isEmpty()) {
      kept.add(rel);
      return;
    }
    try {
      CgroupFiles.write(file, CpuList.format(after));
      shrunk.add(new Shrunk(rel, before));
    } catch (UncheckedIOException e) {
      kept.add(rel); // v1: a child that had to keep the CPUs holds its parent to them
    }
  }

  /** Moves every process listed in {@code from} into {@code to}; returns {moved, refused}. */
  private static int[] moveAll(Path from, Path to) {
    int moved = 0;
    List<String> refused = new ArrayList<>();
    // Two passes: a process forked in the old group while the first pass ran is caught next.
    for (int pass = 0; pass < 2; pass++) {
      refused.clear();
      for (String pid : CgroupFiles.readString(from, "cgroup.procs").split("\\s+")) {
        if (pid.isBlank()) {
          continue;
        }
        try {
          Files.writeString(to.resolve("cgroup.procs"), pid);
          moved++;
        } catch (IOException e) {
          refused.add(pid); // a kernel thread bound to a CPU, or a process that just exited
        }
      }
    }
    return new int[] {moved, refused.size()};
  }

  private static List<Path> children(Path dir) {
    try (Stream<Path> list = Files.list(dir)) {
      return list.filter(Files::isDirectory).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }

  private static List<Path> deepestFirst(Path top) {
    try (Stream<Path> all = Files.walk(top)) {
      return all.filter(Files::isDirectory)
          .sorted(Comparator.comparingInt(Path::getNameCount).reversed())
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + top, e);
    }
  }
}
