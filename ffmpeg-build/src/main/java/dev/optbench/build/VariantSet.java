package dev.optbench.build;

import dev.optbench.build.compile.BuildProgress;
import dev.optbench.build.compile.BuiltVariant;
import dev.optbench.build.compile.VariantBuilder;
import dev.optbench.build.fate.FateRun;
import dev.optbench.build.manifest.BuildManifest;
import dev.optbench.build.manifest.Manifests;
import dev.optbench.build.source.SourceProvider;
import dev.optbench.build.source.SourceTree;
import dev.optbench.build.source.SourceTrees;
import dev.optbench.build.spec.SpecValidator;
import dev.optbench.build.spec.VariantSpec;
import dev.optbench.harness.workload.FfmpegComponents;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds a set of variants from one source: specs are all validated before any long work starts,
 * the source is fetched once, each variant is built (or taken from the cache), and their functional
 * outputs are compared with a reference variant.
 */
public final class VariantSet {
  private final Path cache;
  private final int jobs;
  private final BuildProgress progress;
  private Duration fateLimit = FateRun.DEFAULT_LIMIT;

  public VariantSet(Path cache, int jobs, BuildProgress progress) {
    this.cache = cache;
    this.jobs = jobs;
    this.progress = progress;
  }

  /**
   * How long a new build may spend on FFmpeg's own tests; a cached build keeps the result it was
   * built with (the limit is not part of the build's identity: it cannot change the binary).
   */
  public VariantSet fateLimit(Duration limit) {
    this.fateLimit = limit;
    return this;
  }

  /** The result: each variant with its manifest compared against {@code reference}. */
  public record Result(
      SourceTree source,
      List<BuiltVariant> variants,
      List<BuildManifest> manifests,
      String reference) {}

  /** As {@link #build(List, SourceProvider, Optional)} without a baseline. */
  public Result build(List<VariantSpec> specs, SourceProvider sourceProvider) {
    return build(specs, sourceProvider, Optional.empty());
  }

  /**
   * Builds (or reuses) the variants and compares their functional outputs with one reference: -O0
   * when built, else {@code baseline}, else the first variant. The compared manifests are written
   * back into the cache too, so the cache's {@code variant.json} and a run's copy say the same (the
   * last comparison made wins; it does not change the build's digest).
   */
  public Result build(
      List<VariantSpec> specs, SourceProvider sourceProvider, Optional<String> baseline) {
    new SpecValidator().validate(specs);
    progress.stage("source", sourceProvider.describe());
    SourceTree source = new SourceTrees(cache).prepare(sourceProvider);
    VariantBuilder builder =
        new VariantBuilder(cache, FfmpegComponents.standard(), jobs, progress, fateLimit);
    List<BuiltVariant> built = new ArrayList<>();
    for (VariantSpec spec : specs) {
      built.add(builder.build(spec, source));
    }
    String reference = FunctionalComparison.chooseReference(built, baseline);
    List<BuildManifest> compared = FunctionalComparison.compare(built, reference);
    List<BuiltVariant> withComparison = new ArrayList<>();
    for (int i = 0; i < built.size(); i++) {
      BuiltVariant v = built.get(i);
      Manifests.write(v.dir(), compared.get(i));
      withComparison.add(new BuiltVariant(v.dir(), compared.get(i), v.cached()));
    }
    return new Result(source, withComparison, compared, reference);
  }
}
