package dev.optbench.harness.novelty;

import java.util.List;

/**
 * @param evaluated every distinct command the search ran, in order (what coverage is computed on)
 * @param emitted the valid units chosen for the workload file, by id
 * @param crashes commands that crashed the reference binary (findings; never emitted)
 */
public record SearchResult(
    String search,
    DescriptorSpace space,
    List<Individual> evaluated,
    List<Individual> emitted,
    List<Individual> crashes,
    GenerationSummary summary) {}
