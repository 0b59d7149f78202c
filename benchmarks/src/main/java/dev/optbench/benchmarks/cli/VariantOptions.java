package dev.optbench.benchmarks.cli;

import dev.optbench.build.spec.Profile;
import dev.optbench.build.spec.VariantSpec;
import dev.optbench.build.spec.VariantSpecs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Which variants to build: shared by every subcommand that needs them. */
public final class VariantOptions {
  @Option(
      names = "--variants",
      split = ",",
      paramLabel = "V",
      description =
          "Variants: presets O0 O1 O2 O3 Ofast Os Og, or NAME=FLAGS (e.g. 'native=-O3"
              + " -march=native'); comma-separated or repeated. Default: all seven presets.")
  List<String> variants = new ArrayList<>();

  @Option(
      names = "--spec",
      paramLabel = "FILE",
      description = "Variant spec file (JSON or YAML, see README); replaces --variants.")
  Path specFile;

  @Option(
      names = "--profile",
      paramLabel = "P",
      description =
          "Components to build: minimal (what the workloads use, ~2 min at -O2) or full (~10 min). Default: ${DEFAULT-VALUE}.",
      converter = ProfileConverter.class,
      defaultValue = "minimal")
  Profile profile;

  @Option(
      names = "--fate-limit",
      paramLabel = "SECONDS",
      description =
          "How long a new build may spend on FFmpeg's own tests (FATE, those needing no samples);"
              + " tests not reached count as skipped, 0 runs none. Cached builds keep their result."
              + " Default: ${DEFAULT-VALUE}.",
      defaultValue = "600")
  long fateLimitSeconds;

  /** The FATE time limit, checked: a negative one is refused before any build. */
  public Duration fateLimit() {
    if (fateLimitSeconds < 0) {
      throw new IllegalArgumentException(
          "--fate-limit takes seconds, 0 or more (0 runs no FATE test), not " + fateLimitSeconds);
    }
    return Duration.ofSeconds(fateLimitSeconds);
  }

  public List<VariantSpec> specs() {
    if (specFile != null) {
      return VariantSpecs.fromFile(specFile);
    }
    if (variants.isEmpty()) {
      return VariantSpecs.defaults(profile);
    }
    return variants.stream().map(v -> VariantSpecs.fromCli(v.strip(), profile)).toList();
  }

  /** Lets picocli report an unknown profile with the valid choices. */
  static final class ProfileConverter implements picocli.CommandLine.ITypeConverter<Profile> {
    @Override
    public Profile convert(String value) {
      return Profile.of(value);
    }
  }
}
