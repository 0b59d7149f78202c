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

  /**
   * Empty when the variant has no functional check. The build's own comparison (its {@code
   * reference}: -O0 when built, else the baseline) wins, so the report names the reference the
   * build table and the console named; older manifests without one are compared with the baseline's
   * digests.
   */
  Optional<Result> of(String variant) {
    Map<String, Object> mine = digests(variant);
    if (mine.isEmpty()) {
      return Optional.empty();
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
    return Optional.empty();
  }

  /**
   * "same output" (as the baseline), "same output as O0" (the build's reference), "the functional
   * reference" (the variant is it), "OUTPUT DIFFERS from O0 on a, b", or "" when nothing was
   * checked.
   */
  String phrase(String variant) {
    return of(variant)
        .map(
            r ->
                r.against().equals(variant) && !variant.equals(baseline)
                    ? "the functional reference"
                    : r.same()
                        ? "same output" + (r.against().equals(baseline) ? "" : " as " + r.against())
                        : "OUTPUT DIFFERS from "
                            + r.against()
                            + " on "
                            + String.join(", ", r.differing()))
        .orElse("");
  }

  /**
   * FFmpeg's own tests on the variant, from the manifest's {@code fate}: "FATE 778/778 passed",
   * "FATE 2 of 778 FAILED (a, b)", with "n of m not run" when some did not run; "" for a manifest
   * without FATE.
   */
  String fate(String variant) {
    Object f = manifest(variant).map(m -> m.get("fate")).orElse(null);
    if (!(f instanceof Map<?, ?> fate)) {
      return "";
    }
    long listed = number(fate.get("listed"));
    long passed = number(fate.get("passed"));
    long failed = number(fate.get("failed"));
    long skipped = number(fate.get("skipped"));
    String ran =
        failed == 0
            ? "FATE " + passed + "/" + (passed + failed) + " passed"
            : "FATE " + failed + " of " + (passed + failed) + " FAILED (" + names(fate) + ")";
    String why =
        Boolean.TRUE.equals(fate.get("timedOut")) ? " not reached (time limit)" : " not run";
    return skipped == 0 ? ran : ran + ", " + skipped + " of " + listed + why;
  }

  private static String names(Map<?, ?> fate) {
    if (!(fate.get("failedTests") instanceof List<?> tests)) {
      return "";
    }
    List<String> shown = tests.stream().limit(5).map(String::valueOf).toList();
    return String.join(", ", shown) + (tests.size() > shown.size() ? ", …" : "");
  }

  private static long number(Object value) {
    return value instanceof Number n ? n.longValue() : 0;
  }

  /** The output phrase and the FATE phrase together, for one table cell or sentence part. */
  String checks(String variant) {
    String fate = fate(variant);
    String output = phrase(variant);
    return output.isEmpty() ? fate : fate.isEmpty() ? output : output + ", " + fate;
  }

  /** Whether a phrase reports a problem: the output differs or a FATE test failed. */
  static boolean bad(String phrase) {
    return phrase.contains("OUTPUT DIFFERS") || phrase.contains("FAILED");
  }

  /** The phrase for a badge that is already red: no capitals needed. */
  static String quiet(String phrase) {
    return phrase.replace("OUTPUT DIFFERS", "output differs").replace("FAILED", "failed");
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
