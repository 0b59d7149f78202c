package dev.optbench.build;

import dev.optbench.build.compile.BuildProgress;
import dev.optbench.build.compile.BuiltVariant;
import dev.optbench.build.compile.VariantBuilder;
import dev.optbench.build.manifest.BuildManifest;
import dev.optbench.build.source.SourceProvider;
import dev.optbench.build.source.SourceTree;
import dev.optbench.build.source.SourceTrees;
import dev.optbench.build.spec.SpecValidator;
import dev.optbench.build.spec.VariantSpec;
import dev.optbench.harness.workload.FfmpegComponents;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a set of variants from one source: specs are all validated before any long work starts,
 * the source is fetched once, each variant is built (or taken from the cache), and their functional
 * outputs are compared with a reference variant.
 */
public final class VariantSet {
  private final Path cache;
  private final int jobs;
  private final BuildProgress progress;

  public VariantSet(Path cache, int jobs, BuildProgress progress) {
    this.cache = cache;
    this.jobs = jobs;
    this.progress = progress;
  }

  /** The result: each variant with its manifest compared against {@code reference}. */
  public record Result(
      SourceTree source,
      List<BuiltVariant> variants,
      List<BuildManifest> manifests,
      String reference) {}

  public Result build(List<VariantSpec> specs, SourceProvider sourceProvider) {
    new SpecValidator().validate(specs);
    progress.stage("source", sourceProvider.describe());
    SourceTree source = new SourceTrees(cache).prepare(sourceProvider);
    VariantBuilder builder = new VariantBuilder(cache, FfmpegComponents.standard(), jobs, progress);
    List<BuiltVariant> built = new ArrayList<>();
    for (VariantSpec spec : specs) {
      built.add(builder.build(spec, source));
    }
    String reference = FunctionalComparison.chooseReference(built);
    return new Result(source, built, FunctionalComparison.compare(built, reference), reference);
  }
}
