package dev.optbench.harness.runtime;

import dev.optbench.harness.metrics.ResourceUsage;

/**
 * The outcome of one unit.
 *
 * @param usage totals from kernel counters, read at the unit's start and end
 * @param stdoutTail last few KiB of standard output, for error messages
 * @param stderrTail last few KiB of standard error (ffmpeg logs there)
 * @param timedOut the unit ran past its timeout and was killed (its usage says how far it got)
 */
public record Execution(
    ResourceUsage usage, String stdoutTail, String stderrTail, boolean timedOut) {

  /** A unit that finished on its own. */
  public Execution(ResourceUsage usage, String stdoutTail, String stderrTail) {
    this(usage, stdoutTail, stderrTail, false);
  }
}
