package dev.optbench.build.manifest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.optbench.build.provenance.SectionSizes;
import dev.optbench.build.spec.VariantSpec;
import java.util.List;
import java.util.Map;

/**
 * {@code variant.json}: what was built, from what, how, and what the binary proves about it. Flags
 * are the ones found in the binary, not the ones asked for.
 *
 * @param schema version of this format
 * @param variant the spec's name
 * @param spec the spec as requested
 * @param cacheKey identity of the build (see CacheKey)
 * @param source where the source came from, its hash and ffmpeg's version
 * @param compiler compiler command, version and target
 * @param configure the configure command line, argv
 * @param provenance requested level, recorded command lines, effective levels, flags added by
 *     configure beyond the request
 * @param binary path (relative to the variant folder), SHA-256, file size and section sizes
 * @param buildSeconds wall time of configure + make + checks
 * @param builtAt ISO-8601 UTC time the build finished
 * @param components enabled components read back from the build, by kind
 * @param functionalCheck each functional command's output digest, and, once compared, whether it
 *     equals the reference variant's
 * @param fate FFmpeg's own tests (FATE) that need no external samples, run in the build tree
 *     against FATE's references; absent in manifests of recipe 2 and earlier
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
  "schema",
  "variant",
  "spec",
  "cacheKey",
  "source",
  "compiler",
  "configure",
  "provenance",
  "binary",
  "buildSeconds",
  "builtAt",
  "components",
  "functionalCheck",
  "fate"
})
public record BuildManifest(
    int schema,
    String variant,
    VariantSpec spec,
    String cacheKey,
    Source source,
    CompilerInfo compiler,
    List<String> configure,
    Provenance provenance,
    Binary binary,
    double buildSeconds,
    String builtAt,
    Map<String, List<String>> components,
    FunctionalResult functionalCheck,
    Fate fate) {

  public static final int SCHEMA = 1;

  /** Source identity. */
  public record Source(String origin, String sha256, String version) {}

  /** What the binary proves about the flags. */
  public record Provenance(
      String requestedOptLevel,
      List<String> effectiveOptLevels,
      List<List<String>> recordedCommandLines,
      List<String> addedByConfigure) {}

  /**
   * The built executable.
   *
   * @param path the measured binary: symbol table, no DWARF
   * @param textSha256 SHA-256 of its {@code .text} bytes, equal to the profiled copy's
   * @param profiled the same link with DWARF debug info (for valgrind and its annotators); null in
   *     manifests of recipe 1
   */
  public record Binary(
      String path,
      String sha256,
      long fileBytes,
      SectionSizes sections,
      String textSha256,
      String profiled) {}

  /**
   * Functional check outputs.
   *
   * @param digests command id to SHA-256 of its output
   * @param reference the variant compared against, null until compared
   * @param equalToReference command id to true/false, null until compared
   */
  public record FunctionalResult(
      Map<String, String> digests, String reference, Map<String, Boolean> equalToReference) {}

  /**
   * FATE's verdict on this build: every test FATE's makefiles enable for this configuration without
   * {@code SAMPLES}, each compared by {@code tests/fate-run.sh} with {@code tests/ref/fate/}.
   *
   * @param listed tests {@code make fate-list} named
   * @param passed tests whose report says status 0
   * @param failed tests whose report says otherwise (output differs from the reference, or the
   *     command failed)
   * @param skipped listed tests without a report: not reached within the time limit, or a
   *     prerequisite FATE's makefiles could not make for this configuration (e.g. api-seek wants
   *     fate-lavf-flv, which the minimal profile does not enable)
   * @param failedTests the failed tests' names (without {@code fate-}), sorted
   * @param seconds wall time of the FATE run
   * @param limitSeconds the time limit it ran under
   * @param timedOut whether the limit stopped the run
   */
  public record Fate(
      int listed,
      int passed,
      int failed,
      int skipped,
      List<String> failedTests,
      double seconds,
      long limitSeconds,
      boolean timedOut) {}

  public BuildManifest withFunctionalCheck(FunctionalResult result) {
    return new BuildManifest(
        schema,
        variant,
        spec,
        cacheKey,
        source,
        compiler,
        configure,
        provenance,
        binary,
        buildSeconds,
        builtAt,
        components,
        result,
        fate);
  }
}
