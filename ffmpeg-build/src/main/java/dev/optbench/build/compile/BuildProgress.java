package dev.optbench.build.compile;

/** Follows a build; default methods do nothing, so listeners implement only what they show. */
public interface BuildProgress {
  /** A variant enters a stage: "source", "configure", "make", "check", "cached", "done". */
  default void stage(String variant, String stage) {}

  /** One more file compiled by make. */
  default void compiled(String variant, String file) {}

  BuildProgress NONE = new BuildProgress() {};
}
