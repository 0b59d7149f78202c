package dev.optbench.build;

import dev.optbench.build.compile.BuiltVariant;
import dev.optbench.build.manifest.BuildManifest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Compares every variant's functional-check digests with one reference variant's: -O0 when the set
 * has it (the compiler's most literal translation), else the run's baseline, else the first
 * variant. One reference for the build table, the console, the manifests and the report.
 */
public final class FunctionalComparison {
  private FunctionalComparison() {}

  public static String chooseReference(List<BuiltVariant> variants, Optional<String> baseline) {
    List<String> names = variants.stream().map(v -> v.manifest().variant()).toList();
    if (names.contains("O0")) {
      return "O0";
    }
    return baseline.filter(names::contains).orElse(names.get(0));
  }

  /** The variants' manifests with {@code equalToReference} filled in, in the same order. */
  public static List<BuildManifest> compare(List<BuiltVariant> variants, String reference) {
    Map<String, String> ref =
        variants.stream()
            .filter(v -> v.manifest().variant().equals(reference))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no variant named " + reference))
            .manifest()
            .functionalCheck()
            .digests();
    List<BuildManifest> out = new ArrayList<>();
    for (BuiltVariant v : variants) {
      Map<String, String> digests = v.manifest().functionalCheck().digests();
      Map<String, Boolean> equal = new LinkedHashMap<>();
      digests.forEach((id, digest) -> equal.put(id, Objects.equals(digest, ref.get(id))));
      out.add(
          v.manifest()
              .withFunctionalCheck(new BuildManifest.FunctionalResult(digests, reference, equal)));
    }
    return out;
  }

  /** Command ids whose output differs from the reference. */
  public static List<String> differing(BuildManifest manifest) {
    List<String> ids = new ArrayList<>();
    manifest
        .functionalCheck()
        .equalToReference()
        .forEach(
            (id, eq) -> {
              if (!eq) {
                ids.add(id);
              }
            });
    return ids;
  }
}
