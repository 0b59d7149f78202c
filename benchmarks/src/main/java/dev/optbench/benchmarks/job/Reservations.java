package dev.optbench.benchmarks.job;

import dev.optbench.harness.cgroup.CgroupVersion;
import dev.optbench.harness.cgroup.CpuList;
import dev.optbench.harness.host.HostReport;
import dev.optbench.harness.reservation.CoreReservation;
import dev.optbench.harness.reservation.FavorDynmods;
import dev.optbench.harness.runtime.RuntimeSelector;
import dev.optbench.harness.runtime.docker.DockerEngine;
import dev.optbench.harness.runtime.docker.EngineDaemons;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The main job's side of {@code --reserve-cores} and of the cgroup2 remount: checked before any
 * long work, taken for the timed stage only, and said on the console and in host.json beside the
 * sandboxes' CPU weight.
 */
final class Reservations {
  private Reservations() {}

  /** Refuses what cannot work, before the builds: exit 2 with one sentence. */
  static void check(boolean wanted, RuntimeSelector.Choice choice, String cpuset) {
    if (!wanted) {
      return;
    }
    if (choice.provider().name().equals("process")) {
      throw new IllegalArgumentException(
          "--reserve-cores needs the cgroup or docker runtime: the process runtime's units run"
              + " beside the host's other processes, so they would be moved off CPU "
              + cpuset
              + " with them");
    }
    int cores = Runtime.getRuntime().availableProcessors();
    if (CpuList.count(cpuset) >= cores) {
      throw new IllegalArgumentException(
          "--reserve-cores moves the host's other processes to the CPUs outside --cpuset "
              + cpuset
              + ", and that leaves none of this machine's "
              + cores
              + "; give a smaller --cpuset (e.g. 0)");
    }
    Path root = CgroupVersion.DEFAULT_ROOT;
    Path procs =
        (CgroupVersion.detect(root) == CgroupVersion.V2 ? root : root.resolve("cpuset"))
            .resolve("cgroup.procs");
    if (!Files.isWritable(procs)) {
      throw new IllegalArgumentException(
          "--reserve-cores moves the host's processes between cpusets: "
              + procs
              + " is not writable (run as root)");
    }
    CoreReservation.liveHolder(CoreReservation.STATE_DIR)
        .ifPresent(
            holder -> {
              throw new IllegalArgumentException(
                  "--reserve-cores: another optbench run, "
                      + holder
                      + ", holds a core reservation now; wait for it to end or run without"
                      + " --reserve-cores");
            });
  }

  /**
   * With the Docker runtime the engine's daemons carry every unit's request, so they are kept at
   * the top weight beside this process (a top-weight co-runner otherwise starved them: a round of
   * 2.4 s of units took 75 s here). Only the run's engine's ({@code $DOCKER_HOST}; named engines
   * are refused with --reserve-cores): the shims of the run's containers, which start later, are
   * forked by its containerd and so born in the same cgroup.
   */
  static Optional<CoreReservation> reserve(
      boolean wanted, RuntimeSelector.Choice choice, String cpuset, PrintStream out) {
    if (!wanted) {
      return Optional.empty();
    }
    List<Long> driven =
        choice.provider().name().equals("docker")
            ? EngineDaemons.serving(List.of(DockerEngine.hostFromEnvironment()), Set.of())
            : List.of();
    CoreReservation r = CoreReservation.reserve(cpuset, CoreReservation.STATE_DIR, driven);
    out.println(r.describe());
    return Optional.of(r);
  }

  static HostReport.Protection protection(
      RuntimeSelector.Choice choice, Optional<CoreReservation> reserved, FavorDynmods dynmods) {
    String weight =
        choice.provider().name().equals("process")
            ? "none: the process runtime has no cgroup"
            : choice.reasons().get(choice.provider().name()).reason();
    return new HostReport.Protection(
        weight,
        reserved.map(CoreReservation::describe).orElse("off (--reserve-cores not given)"),
        dynmods.describe());
  }
}
