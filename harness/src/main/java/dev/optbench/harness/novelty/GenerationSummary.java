package dev.optbench.harness.novelty;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;

/**
 * What a search run did: evaluations by outcome, throughput, and what it emitted. Timing makes it
 * non-deterministic, so it is written next to the workload file, not into it.
 */
@JsonPropertyOrder({
  "search",
  "evaluations",
  "valid",
  "validityRate",
  "outcomes",
  "crashes",
  "cacheHits",
  "generations",
  "archiveSize",
  "emitted",
  "seconds",
  "evaluationsPerMinute"
})
public record GenerationSummary(
    String search,
    int evaluations,
    int valid,
    double validityRate,
    Map<Outcome, Integer> outcomes,
    int crashes,
    int cacheHits,
    int generations,
    int archiveSize,
    int emitted,
    double seconds,
    double evaluationsPerMinute) {}
