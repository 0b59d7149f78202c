package dev.optbench.harness.runtime.cgroup;

import dev.optbench.harness.cgroup.CgroupFs;
import dev.optbench.harness.host.OwnerProcess;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes the run cgroups ({@code optbench/<run-id>@<owner>}, see {@link RunCgroupName}) whose
 * owner JVM is gone: killed with SIGKILL or crashed, so its shutdown hook never ran. Processes
 * still in them (the unit, what it forked) are killed first. A live owner's folders stay, as do
 * folders that name no owner (older optbench, made by hand): another run on this machine may be
 * measuring in them. {@code optbench/} itself stays even when empty: a run starting now may be
 * creating its folder below it.
 */
final class CgroupJanitor {
  private static final Logger LOG = LoggerFactory.getLogger(CgroupJanitor.class);

  private final CgroupFs fs;

  CgroupJanitor(CgroupFs fs) {
    this.fs = fs;
  }

  /** Removes the dead runs' cgroups in every hierarchy; returns what was removed. */
  List<String> removeLeftovers() {
    List<String> removed = new ArrayList<>();
    for (String folder : fs.children(CgroupRuntime.TOP)) {
      Optional<OwnerProcess> owner = RunCgroupName.owner(folder);
      if (owner.isEmpty() || owner.get().alive()) {
        continue;
      }
      String path = CgroupRuntime.TOP + "/" + folder;
      try {
        int killed = fs.removeTree(path);
        removed.add(path + (killed == 0 ? "" : " (" + killed + " process(es) killed)"));
      } catch (RuntimeException e) {
        // one stuck folder must not keep the run from starting; it is retried next time
        LOG.warn("could not remove the cgroups of dead run {}: {}", path, e.getMessage());
      }
    }
    if (!removed.isEmpty()) {
      LOG.info("removed {} leftover optbench run cgroup(s): {}", removed.size(), removed);
    }
    return removed;
  }
}
