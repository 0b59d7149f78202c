package dev.optbench.harness.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which variants run on which engine. Two rules keep every ratio within one engine, because the
 * difference between two hosts (CPU model, microcode, governor, kernel) is larger than most flag
 * effects:
 *
 * <ul>
 *   <li>{@value #WHOLE} (the default): each candidate variant runs wholly on one engine, round
 *       robin in variant order, and the baseline runs on every engine that got a candidate, so each
 *       candidate is compared with the baseline measured on its own host. An engine left without a
 *       candidate is not used (the baseline alone there would compare with nothing).
 *   <li>{@value #EVERY}: every variant on every engine; each engine is a comparison of its own.
 * </ul>
 *
 * A variant is never split across engines within one comparison: an engine is a dimension of the
 * results, never a source of pairs.
 *
 * @param rule {@value #WHOLE} or {@value #EVERY}
 * @param variantsByEngine used engines in the order given, each with its variants in variant order
 */
public record Placement(String rule, Map<String, List<String>> variantsByEngine) {
  public static final String WHOLE = "whole";
  public static final String EVERY = "every";

  /**
   * A run on its one unnamed engine, or without Docker: nothing placed. Its rule is no rule a user
   * can give ({@link #checkRule}), so it is never mistaken for a placement.
   */
  public static final Placement NONE = new Placement("none", Map.of());

  public Placement {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    variantsByEngine.forEach((e, vs) -> copy.put(e, List.copyOf(vs)));
    variantsByEngine = java.util.Collections.unmodifiableMap(copy);
  }

  /**
   * @param variants the run's variants in order (the baseline among them)
   * @param engines the engines' names in the order given; at least one
   * @throws IllegalArgumentException for an unknown rule, no engines, or a baseline not among the
   *     variants
   */
  public static Placement of(
      String rule, List<String> variants, String baseline, List<String> engines) {
    if (engines.isEmpty()) {
      throw new IllegalArgumentException("a placement needs at least one engine");
    }
    if (!variants.contains(baseline)) {
      throw new IllegalArgumentException(
          "the baseline " + baseline + " is not among the variants " + variants);
    }
    checkRule(rule);
    return rule.equals(WHOLE) ? whole(variants, baseline, engines) : every(variants, engines);
  }

  /**
   * Refuses a rule that is neither {@value #WHOLE} nor {@value #EVERY}, before anything runs.
   *
   * @throws IllegalArgumentException with the one sentence {@link #of} gives
   */
  public static void checkRule(String rule) {
    if (!rule.equals(WHOLE) && !rule.equals(EVERY)) {
      throw new IllegalArgumentException(
          "--placement must be " + WHOLE + " or " + EVERY + ", not '" + rule + "'");
    }
  }

  private static Placement whole(List<String> variants, String baseline, List<String> engines) {
    List<String> candidates = variants.stream().filter(v -> !v.equals(baseline)).toList();
    Map<String, List<String>> byEngine = new LinkedHashMap<>();
    if (candidates.isEmpty()) {
      byEngine.put(engines.get(0), List.of(baseline)); // nothing to compare: one engine is enough
      return new Placement(WHOLE, byEngine);
    }
    Map<String, List<String>> candidatesOn = new LinkedHashMap<>();
    for (int i = 0; i < candidates.size(); i++) {
      candidatesOn
          .computeIfAbsent(engines.get(i % engines.size()), e -> new ArrayList<>())
          .add(candidates.get(i));
    }
    for (String engine : engines) {
      List<String> mine = candidatesOn.get(engine);
      if (mine != null) {
        // in variant order, the baseline where the user listed it
        byEngine.put(
            engine, variants.stream().filter(v -> v.equals(baseline) || mine.contains(v)).toList());
      }
    }
    return new Placement(WHOLE, byEngine);
  }

  private static Placement every(List<String> variants, List<String> engines) {
    Map<String, List<String>> byEngine = new LinkedHashMap<>();
    engines.forEach(e -> byEngine.put(e, variants));
    return new Placement(EVERY, byEngine);
  }

  /** Whether variants were placed on named engines: false for {@link #NONE}. */
  public boolean placed() {
    return !variantsByEngine.isEmpty();
  }

  /** The engines that run anything, in the order given. */
  public List<String> engines() {
    return List.copyOf(variantsByEngine.keySet());
  }

  /** The variants on {@code engine}; none for an engine the placement does not use. */
  public List<String> variantsOn(String engine) {
    return variantsByEngine.getOrDefault(engine, List.of());
  }

  /** The engines {@code variant} runs on, in engine order. */
  public List<String> enginesOf(String variant) {
    return variantsByEngine.entrySet().stream()
        .filter(e -> e.getValue().contains(variant))
        .map(Map.Entry::getKey)
        .toList();
  }

  /** How many (variant, engine) sandboxes the run opens. */
  public int placedVariants() {
    return variantsByEngine.values().stream().mapToInt(List::size).sum();
  }

  /** One line per used engine, "a: O0, O2", then the unused ones: the console and the report. */
  public List<String> describe(List<String> allEngines) {
    List<String> lines = new ArrayList<>();
    variantsByEngine.forEach((e, vs) -> lines.add(e + ": " + String.join(", ", vs)));
    List<String> unused =
        allEngines.stream().filter(e -> !variantsByEngine.containsKey(e)).toList();
    if (!unused.isEmpty()) {
      lines.add(
          String.join(", ", unused)
              + ": unused ("
              + rule
              + " placement: no candidate variant left for "
              + (unused.size() == 1 ? "it" : "them")
              + ")");
    }
    return lines;
  }

  /** "a: O0, O2; b: O2, O3" on one line, for a report's header. */
  public String summary() {
    List<String> parts = new ArrayList<>();
    variantsByEngine.forEach((e, vs) -> parts.add(e + ": " + String.join(", ", vs)));
    return rule + " placement (" + String.join("; ", parts) + ")";
  }
}
