package dev.optbench.benchmarks.cli;

import dev.optbench.benchmarks.job.OutputFolders;
import dev.optbench.build.VariantSet;
import dev.optbench.build.compile.BuiltVariant;
import dev.optbench.build.compile.ConsoleBuildProgress;
import dev.optbench.build.spec.VariantSpecs;
import dev.optbench.harness.novelty.ConsoleSearchListener;
import dev.optbench.harness.novelty.DescriptorSpace;
import dev.optbench.harness.novelty.GenerateWorkload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code optbench generate}: a workload of valid ffmpeg commands by novelty or random search. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "Generate a workload: diverse, valid ffmpeg command lines found by novelty search (or"
          + " random search, the baseline) and run once on a reference variant.",
      "Writes FILE (JSON for the runner), FILE.sh (replay by hand), FILE.summary.json and, if"
          + " ffmpeg crashed, FILE.crashes.json. Same seed and --space input: the same file."
    })
public final class GenerateCommand implements Callable<Integer> {
  @Option(
      names = "--reference",
      paramLabel = "V",
      defaultValue = "O2",
      description =
          "Variant the commands are validated and measured on. Default: ${DEFAULT-VALUE}.")
  String reference;

  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "1",
      description = "Random seed. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(
      names = "--budget",
      paramLabel = "N",
      defaultValue = "50",
      description =
          "Commands to evaluate (each runs once, a few seconds). Default: ${DEFAULT-VALUE}.")
  int budget;

  @Option(
      names = "--space",
      paramLabel = "S",
      defaultValue = "behaviour",
      description =
          "Descriptor space: input (parameters; deterministic) or behaviour (measured CPU, memory, output). Default: ${DEFAULT-VALUE}.")
  String space;

  @Option(
      names = "--search",
      paramLabel = "S",
      defaultValue = "novelty",
      description = "novelty or random. Default: ${DEFAULT-VALUE}.")
  String search;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      defaultValue = "optbench-out/workload.json",
      description = "Workload file. Default: ${DEFAULT-VALUE}.")
  Path out;

  @Mixin CacheOption cache;

  @Mixin SourceOptions source;

  @Override
  public Integer call() throws Exception {
    DescriptorSpace descriptors = parse(DescriptorSpace.class, space, "--space");
    GenerateWorkload.SearchKind kind = parse(GenerateWorkload.SearchKind.class, search, "--search");
    if (budget < 1) {
      throw new IllegalArgumentException("--budget must be at least 1, got " + budget);
    }
    if (out.toAbsolutePath().getParent() != null) {
      OutputFolders.requireWritable(out.toAbsolutePath().getParent(), "--out");
    }
    Path cacheDir = cache.dir();
    BuiltVariant ref =
        new VariantSet(
                cacheDir,
                Runtime.getRuntime().availableProcessors(),
                new ConsoleBuildProgress(System.out))
            .build(
                List.of(VariantSpecs.fromCli(reference, dev.optbench.build.spec.Profile.MINIMAL)),
                source.provider())
            .variants()
            .get(0);
    Path absolute = out.toAbsolutePath();
    Files.createDirectories(absolute.getParent());
    Path work = Files.createDirectories(absolute.getParent().resolve("generate-work"));
    GenerateWorkload.Result r =
        GenerateWorkload.run(
            new GenerateWorkload.Request(
                ref.ffmpeg(), work, seed, budget, descriptors, kind, absolute),
            new ConsoleSearchListener(System.out));
    System.out.printf(
        "wrote %s (%d units), %s, %s%s%n",
        r.json(),
        r.workload().units().size(),
        r.script(),
        r.summaryFile(),
        r.crashes() > 0 ? ", " + r.crashes() + " crash findings" : "");
    return 0;
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String value, String option) {
    for (E e : type.getEnumConstants()) {
      if (e.name().equalsIgnoreCase(value)) {
        return e;
      }
    }
    throw new IllegalArgumentException(
        option
            + " must be one of "
            + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase(java.util.Locale.ROOT)
            + ", got '"
            + value
            + "'");
  }
}
