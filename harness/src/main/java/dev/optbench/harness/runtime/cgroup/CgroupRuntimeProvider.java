package dev.optbench.harness.runtime.cgroup;

import dev.optbench.harness.cache.CacheDir;
import dev.optbench.harness.cgroup.CgroupFs;
import dev.optbench.harness.cgroup.CgroupVersion;
import dev.optbench.harness.runtime.ContainerRuntime;
import dev.optbench.harness.runtime.ContainerRuntimeProvider;
import dev.optbench.harness.runtime.RuntimeUnavailableException;
import java.nio.file.Path;
import java.util.Optional;

/** Cgroups made by optbench itself: available as root (or with a delegated cgroup). */
public final class CgroupRuntimeProvider implements ContainerRuntimeProvider {
  private final Path root;

  /** ServiceLoader's constructor: the host's /sys/fs/cgroup. */
  public CgroupRuntimeProvider() {
    this(CgroupVersion.DEFAULT_ROOT);
  }

  public CgroupRuntimeProvider(Path root) {
    this.root = root;
  }

  @Override
  public String name() {
    return CgroupRuntime.NAME;
  }

  @Override
  public int priority() {
    return 200;
  }

  @Override
  public Availability availability() {
    return fs().map(CgroupRuntimeProvider::availability)
        .orElseGet(
            () -> Availability.no("no cgroup file system at " + root + "; mount cgroup2 there"));
  }

  @Override
  public ContainerRuntime create() {
    CgroupFs fs = fs().orElseThrow(() -> new RuntimeUnavailableException(availability().reason()));
    Availability availability = availability(fs);
    if (!availability.available()) {
      throw new RuntimeUnavailableException(availability.reason());
    }
    return new CgroupRuntime(fs, CacheDir.resolve());
  }

  private static Availability availability(CgroupFs fs) {
    CgroupFs.Status status = fs.status();
    return new Availability(status.usable(), status.reason());
  }

  private Optional<CgroupFs> fs() {
    return CgroupFs.detect(root);
  }
}
