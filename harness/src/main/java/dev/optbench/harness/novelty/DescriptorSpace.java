package dev.optbench.harness.novelty;

/** Where novelty is measured. */
public enum DescriptorSpace {
  /** The normalised parameter vector of the rendered command: cheap, and deterministic. */
  INPUT,
  /** What the command does on the reference binary: CPU, peak memory, output bytes, threads. */
  BEHAVIOUR
}
