package dev.optbench.harness.metrics.collect;

import java.io.IOException;

/** The container or cgroup being sampled is gone: the normal end of a run, not an error. */
public final class SourceGoneException extends IOException {
  private static final long serialVersionUID = 1L;

  public SourceGoneException(String message) {
    super(message);
  }
}
