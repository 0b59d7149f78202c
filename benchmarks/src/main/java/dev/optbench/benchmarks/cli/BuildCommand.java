package dev.optbench.benchmarks.cli;

import dev.optbench.benchmarks.job.FateText;
import dev.optbench.benchmarks.job.OutputFolders;
import dev.optbench.build.FunctionalComparison;
import dev.optbench.build.VariantSet;
import dev.optbench.build.compile.ConsoleBuildProgress;
import dev.optbench.build.image.VariantImages;
import dev.optbench.build.manifest.BuildManifest;
import dev.optbench.build.manifest.Manifests;
import dev.optbench.harness.runtime.docker.DockerEngine;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code optbench build}: builds (or reuses) the variants and writes their manifests. */
@Command(
    name = "build",
    mixinStandardHelpOptions = true,
    description = {
      "Build ffmpeg once per variant, prove the flags reached the compiler, and check that the"
          + " variants compute the same output.",
      "Builds are cached (key: source hash, spec, compiler version, profile); a second run"
          + " takes seconds."
    })
public final class BuildCommand implements Callable<Integer> {
  @Mixin VariantOptions variants;
  @Mixin SourceOptions source;

  @Mixin CacheOption cache;

  @Option(names = "--jobs", paramLabel = "N", description = "make -j N. Default: all cores.")
  int jobs = Runtime.getRuntime().availableProcessors();

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Where to write each variant's manifest. Default: ${DEFAULT-VALUE}.",
      defaultValue = "optbench-out/build")
  Path out;

  @Option(
      names = "--no-images",
      description =
          "Skip the Docker images. Default: build one image per variant where an engine answers"
              + " at $DOCKER_HOST (or the default socket); without one, say so and carry on.")
  boolean noImages;

  @Override
  public Integer call() {
    PrintStream o = System.out;
    if (jobs < 1) {
      throw new IllegalArgumentException("--jobs must be at least 1, got " + jobs);
    }
    OutputFolders.requireWritable(out, "--out");
    Path cacheDir = cache.dir();
    o.println("cache: " + cacheDir);
    VariantSet.Result r =
        new VariantSet(cacheDir, jobs, new ConsoleBuildProgress(o))
            .fateLimit(variants.fateLimit())
            .build(variants.specs(), source.provider());
    o.println();
    o.printf(
        "source: %s (ffmpeg %s, sha256 %s)%n",
        r.source().origin(), r.source().version(), r.source().sha256().substring(0, 16));
    o.printf(
        "%-10s %-7s %8s %10s %10s  %-24s %-28s %s%n",
        "variant",
        "cached",
        "build s",
        "file MiB",
        "text KiB",
        "functional vs " + r.reference(),
        "FATE passed/failed/skipped",
        "flags found (beyond the request)");
    for (int i = 0; i < r.variants().size(); i++) {
      BuildManifest m = r.manifests().get(i);
      int differs = FunctionalComparison.differing(m).size();
      int total = m.functionalCheck().equalToReference().size();
      o.printf(
          "%-10s %-7s %8.1f %10.1f %10d  %-24s %-28s %s %s%n",
          m.variant(),
          r.variants().get(i).cached() ? "yes" : "no",
          m.buildSeconds(),
          m.binary().fileBytes() / 1048576.0,
          m.binary().sections().text() / 1024,
          differs == 0 ? "all " + total + " equal" : differs + " of " + total + " differ",
          FateText.counts(m.fate()),
          String.join(" ", m.provenance().effectiveOptLevels()),
          String.join(" ", m.provenance().addedByConfigure()));
      Manifests.write(out.resolve(m.variant()), m);
    }
    o.println();
    FateText.failures(r.manifests()).forEach(o::println);
    o.println("manifests: " + out.toAbsolutePath());
    if (!noImages) {
      Optional<DockerEngine> engine =
          VariantImages.engineOrExplain(DockerEngine.hostFromEnvironment(), o);
      try {
        VariantImages.prepare(r.variants(), engine, o);
      } finally {
        engine.ifPresent(DockerEngine::close);
      }
    }
    return 0;
  }
}
