package dev.optbench.harness.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Image;
import dev.optbench.harness.cgroup.CgroupFs;
import dev.optbench.harness.cgroup.CgroupVersion;
import dev.optbench.harness.image.ImageLabels;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes containers left by optbench runs that crashed or were killed with SIGKILL (no shutdown
 * hook ran). Only containers labelled {@code dev.optbench.managed=true} whose owning JVM is gone
 * are removed; a run going on in parallel on the same engine keeps its containers. Call it at
 * startup.
 */
public final class DockerJanitor {
  private static final Logger LOG = LoggerFactory.getLogger(DockerJanitor.class);

  private final DockerClient docker;

  public DockerJanitor(DockerEngine engine) {
    this.docker = engine.client();
  }

  /** Removes leftovers of dead runs; returns the names of the removed containers. */
  public List<String> removeLeftovers() {
    return remove(Map.of(ContainerLabels.MANAGED, "true"), false);
  }

  /**
   * Removes every managed container with all of {@code labels} (e.g. one run id), whether its owner
   * lives or not: for a user who knows the run is over.
   */
  public List<String> removeAll(Map<String, String> labels) {
    Map<String, String> filter = new HashMap<>(labels);
    filter.put(ContainerLabels.MANAGED, "true");
    return remove(filter, true);
  }

  /**
   * Removes the variant images (labelled {@code dev.optbench.variant}, as VariantImageBuilder
   * labels them) that no container on the engine uses any more; a run still going keeps its images.
   * Returns the removed images' tags (or ids). The next run rebuilds what it needs, in seconds: the
   * binaries stay in the build cache.
   */
  public List<String> removeUnusedImages() {
    Set<String> inUse = new HashSet<>();
    docker.listContainersCmd().withShowAll(true).exec().forEach(c -> inUse.add(c.getImageId()));
    List<String> removed = new ArrayList<>();
    for (Image image : docker.listImagesCmd().withLabelFilter(ImageLabels.VARIANT).exec()) {
      if (inUse.contains(image.getId())) {
        continue;
      }
      try {
        // Forced only because an image with two tags is otherwise refused; not in use (above).
        docker.removeImageCmd(image.getId()).withForce(true).exec();
        String[] tags = image.getRepoTags();
        removed.add(tags != null && tags.length > 0 ? String.join(",", tags) : image.getId());
      } catch (NotFoundException | ConflictException e) {
        // gone meanwhile, or a container started on it meanwhile: either way not ours to force
      }
    }
    return removed;
  }

  /** The dead run's per-sandbox cgroup folders (see UnitCgroups) go with its container. */
  private static void removeUnitCgroups(String containerName) {
    try {
      CgroupFs.detect(CgroupVersion.DEFAULT_ROOT)
          .ifPresent(fs -> UnitCgroups.removeSandbox(fs, containerName));
    } catch (RuntimeException e) {
      LOG.warn("could not remove the cgroups of {}: {}", containerName, e.getMessage());
    }
  }

  private List<String> remove(Map<String, String> filter, boolean evenIfOwnerAlive) {
    List<String> removed = new ArrayList<>();
    List<Container> found =
        docker.listContainersCmd().withShowAll(true).withLabelFilter(filter).exec();
    for (Container c : found) {
      if (!evenIfOwnerAlive && ContainerLabels.ownerAlive(c.getLabels())) {
        continue;
      }
      String name = c.getNames() != null && c.getNames().length > 0 ? c.getNames()[0] : c.getId();
      try {
        docker.removeContainerCmd(c.getId()).withForce(true).withRemoveVolumes(true).exec();
        removed.add(name.startsWith("/") ? name.substring(1) : name);
      } catch (NotFoundException e) {
        // removed meanwhile by its owner's shutdown hook: the goal is reached
      }
    }
    for (String name : removed) {
      removeUnitCgroups(name);
    }
    if (!removed.isEmpty()) {
      LOG.info("removed {} leftover optbench container(s): {}", removed.size(), removed);
    }
    return removed;
  }
}
