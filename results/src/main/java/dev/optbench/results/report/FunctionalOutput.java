package dev.optbench.results.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a variant's functional-check output matches the baseline's, read from the build manifests
 * ({@code variants/<name>/variant.json}: {@code functionalCheck.digests}, one output digest per
 * check command). Compared with the baseline's digests where it has them, else with the build's own
 * reference ({@code functionalCheck.reference}, -O0 by default).
 */
final class FunctionalOutput {
  private final List<Map<String, Object>> manifests;
  private final String baseline;

  FunctionalOutput(List<Map<String, Object>> manifests, String baseline) {
    this.manifests = manifests;
    this.baseline = baseline;
  }

  /** What a variant's output is compared with, and on which commands it differs. */
  record Result(String against, List<String> differing) {
    boolean same() {
      return differing.isEmpty();
    }
  }

  /** Empty when the variant (or the baseline and a reference) has no functional check. */
  Optional<Result> of(String variant) {
    Map<String, Object> mine = digests(variant);
    if (mine.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Object> base = digests(baseline);
    if (!base.isEmpty()) {
      List<String> differing = new ArrayList<>();
      mine.forEach(
          (id, digest) -> {
            if (!Objects.equals(digest, base.get(id))) {
              differing.add(id);
            }
          });
      return Optional.of(new Result(baseline, differing));
    }
    Map<String, Object> check = check(variant);
    if (check.get("reference") instanceof String ref
        && check.get("equalToReference") instanceof Map<?, ?> equal) {
      List<String> differing = new ArrayList<>();
      equal.forEach(
          (id, eq) -> {
            if (!Boolean.TRUE.equals(eq)) {
              differing.add(String.valueOf(id));
            }
          });
      return Optional.of(new Result(ref, differing));
    }
    return Optional.empty();
  }

  /** "same output", "output differs from O2 on a, b", or "" when nothing was checked. */
  String phrase(String variant) {
    return of(variant)
        .map(
            r ->
                r.same()
                    ? "same output"
                    : "OUTPUT DIFFERS from "
                        + r.against()
                        + " on "
                        + String.join(", ", r.differing()))
        .orElse("");
  }

  /** The phrase for a badge that is already red: no capitals needed. */
  static String quiet(String phrase) {
    return phrase.replace("OUTPUT DIFFERS", "output differs");
  }

  Optional<Map<String, Object>> manifest(String variant) {
    return manifests.stream().filter(m -> variant.equals(m.get("variant"))).findFirst();
  }

  private Map<String, Object> check(String variant) {
    return manifest(variant)
        .map(m -> m.get("functionalCheck"))
        .filter(Map.class::isInstance)
        .map(FunctionalOutput::cast)
        .orElse(Map.of());
  }

  private Map<String, Object> digests(String variant) {
    Object d = check(variant).get("digests");
    return d instanceof Map<?, ?> ? cast(d) : Map.of();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> cast(Object map) {
    return (Map<String, Object>) map;
  }
}
