package dev.optbench.results.report;

import dev.optbench.results.compare.CompareOptions;
import dev.optbench.results.model.BenchmarkResult;
import dev.optbench.results.profile.RunProfiles;
import dev.optbench.results.series.LinePoint;
import java.util.List;
import java.util.Map;

/**
 * Everything the HTML report shows, filled by the CLI (or a test). Passive: no I/O, no logic.
 *
 * @param variants results per variant, in display order; must contain {@code baselineVariant}
 * @param samples resource samples from line-protocol files (may be empty)
 * @param manifests one generic JSON map per variant build (flags found in the binary,
 *     functional-check results, ...), shown as they are
 * @param host host facts as a generic JSON map (CPU, cores, governor, ...)
 * @param warnings sentences for the user (machine unfit, outliers, ...), shown prominently
 * @param generatedAt a timestamp string, passed in so the same input renders the same bytes
 * @param profiles callgrind profiles per variant and unit ({@code --instructions}), or {@link
 *     RunProfiles#NONE}
 */
public record ReportInput(
    String title,
    String baselineVariant,
    Map<String, List<BenchmarkResult>> variants,
    List<LinePoint> samples,
    List<Map<String, Object>> manifests,
    Map<String, Object> host,
    List<String> warnings,
    CompareOptions options,
    String generatedAt,
    RunProfiles profiles) {

  /** A report without instruction profiles. */
  public ReportInput(
      String title,
      String baselineVariant,
      Map<String, List<BenchmarkResult>> variants,
      List<LinePoint> samples,
      List<Map<String, Object>> manifests,
      Map<String, Object> host,
      List<String> warnings,
      CompareOptions options,
      String generatedAt) {
    this(
        title,
        baselineVariant,
        variants,
        samples,
        manifests,
        host,
        warnings,
        options,
        generatedAt,
        RunProfiles.NONE);
  }

  /** The same input with the run's profiles. */
  public ReportInput withProfiles(RunProfiles runProfiles) {
    return new ReportInput(
        title,
        baselineVariant,
        variants,
        samples,
        manifests,
        host,
        warnings,
        options,
        generatedAt,
        runProfiles);
  }

  public ReportInput {
    if (!variants.containsKey(baselineVariant)) {
      throw new IllegalArgumentException(
          "baseline variant '" + baselineVariant + "' has no results");
    }
    variants = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(variants));
    samples = List.copyOf(samples);
    manifests = List.copyOf(manifests);
    host = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(host));
    warnings = List.copyOf(warnings);
    java.util.Objects.requireNonNull(profiles, "profiles (RunProfiles.NONE for none)");
  }
}
