package dev.optbench.harness.runtime;

import dev.optbench.harness.metrics.ResourceUsage;

/**
 * The outcome of one unit.
 *
 * @param usage totals from kernel counters, read at the unit's start and end
 * @param stdoutTail last few KiB of standard output, for error messages
 * @param stderrTail last few KiB of standard error (ffmpeg logs there)
 */
public record Execution(ResourceUsage usage, String stdoutTail, String stderrTail) {}
