package dev.optbench.harness.runtime.cgroup;

import dev.optbench.harness.cgroup.CgroupFs;
import dev.optbench.harness.host.OwnerProcess;
import dev.optbench.harness.metrics.MetricSchema;
import dev.optbench.harness.model.VariantRef;
import dev.optbench.harness.runtime.ContainerRuntime;
import dev.optbench.harness.runtime.Sandbox;
import dev.optbench.harness.runtime.SandboxLimits;
import dev.optbench.harness.runtime.process.ProcessRuntime;
import dev.optbench.harness.runtime.process.VariantPrograms;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Units in cgroups made directly in the host's cgroup file system: {@code
 * optbench/<run-id>@<owner>/<variant>/unit-<n>}, the owner being this JVM (see {@link
 * RunCgroupName}), so that the folders of a SIGKILLed run can be found and removed by the next. The
 * run id comes from the {@code run_id} label, else one is made from the time and this JVM's pid.
 */
public final class CgroupRuntime implements ContainerRuntime {
  public static final String NAME = "cgroup";
  public static final String TOP = "optbench";

  private final CgroupFs fs;
  private final Path cacheDir;
  private final String defaultRunId;
  private final OwnerProcess owner = OwnerProcess.current();

  public CgroupRuntime(CgroupFs fs, Path cacheDir) {
    this.fs = fs;
    this.cacheDir = cacheDir;
    this.defaultRunId =
        "run-"
            + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
            + "-"
            + ProcessHandle.current().pid();
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Sandbox open(VariantRef variant, SandboxLimits limits) {
    ProcessRuntime.requireWorkDir(limits.workDir());
    Path helper = VariantPrograms.execHelper(variant, cacheDir);
    String runId = safe(limits.labels().getOrDefault(MetricSchema.TAG_RUN_ID, defaultRunId));
    return new CgroupSandbox(fs, variant, limits, helper, freePath(runId, safe(variant.name())));
  }

  /** The cgroups of runs whose JVM is gone (SIGKILL, crash), with any process left in them. */
  @Override
  public List<String> removeLeftovers() {
    return new CgroupJanitor(fs).removeLeftovers();
  }

  /** A second sandbox for the same variant in one run gets {@code <variant>-2}, and so on. */
  private synchronized String freePath(String runId, String variant) {
    String base = TOP + "/" + RunCgroupName.of(runId, owner) + "/" + variant;
    String path = base;
    for (int n = 2; exists(path); n++) {
      path = base + "-" + n;
    }
    return path;
  }

  private boolean exists(String path) {
    return fs.open(path).dirs().values().stream().anyMatch(Files::isDirectory);
  }

  /** Cgroup directory names: keep them to characters every tool quotes the same way. */
  static String safe(String name) {
    String cleaned = name.replaceAll("[^A-Za-z0-9._-]", "_");
    return cleaned.isEmpty() || cleaned.startsWith(".") ? "_" + cleaned : cleaned;
  }
}
