package dev.optbench.harness.cgroup;

/**
 * The cgroup's folder no longer exists (its sandbox was closed, the engine removed the container).
 * For a sampler this is the normal end; for a unit's totals it is an error. Unchecked, because
 * every reader can meet it at any read and only the outermost caller knows which of the two it is.
 */
public final class CgroupGoneException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CgroupGoneException(String message) {
    super(message);
  }
}
