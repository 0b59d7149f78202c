package dev.optbench.results.profile;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The profile of one (variant, unit) as the run folder holds it.
 *
 * @param stacks folded stacks (may be empty when the file is missing)
 * @param files the raw files, relative to the run folder with '/' separators, for links
 */
public record UnitProfile(
    String variant,
    String unit,
    FunctionCounts functions,
    Map<String, Long> stacks,
    List<String> files) {
  public UnitProfile {
    stacks = Collections.unmodifiableMap(new LinkedHashMap<>(stacks));
    files = List.copyOf(files);
  }
}
