package dev.optbench.benchmarks.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.optbench.benchmarks.jmh.RunFolder;
import dev.optbench.benchmarks.job.RunReport;
import dev.optbench.results.compare.CompareOptions;
import dev.optbench.results.jmh.JmhJsonReader;
import dev.optbench.results.model.BenchmarkResult;
import dev.optbench.results.report.HtmlReport;
import dev.optbench.results.report.ReportInput;
import dev.optbench.results.series.LinePoint;
import dev.optbench.results.series.LineProtocolReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code optbench report}: one HTML page from JMH JSON per variant, samples and build manifests.
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Build the HTML report of a main job's run folder, optbench-results/<run-id>/ (written to"
          + " its report.html), or of a folder holding <variant>.json (JMH JSON, one file per"
          + " variant), optional *.lp line-protocol samples and an optional host.json.",
      "Example: optbench report --in optbench-results/run-20261201T190944"
    })
public final class ReportCommand implements Callable<Integer> {
  private static final TypeReference<Map<String, Object>> JSON_MAP = new TypeReference<>() {};

  @Option(names = "--in", paramLabel = "DIR", required = true, description = "Results folder.")
  Path in;

  @Option(
      names = "--baseline",
      paramLabel = "V",
      defaultValue = "O2",
      description = "Variant the others are compared with. Default: ${DEFAULT-VALUE}.")
  String baseline;

  @Option(
      names = "--builds",
      paramLabel = "DIR",
      defaultValue = "optbench-out/build",
      description =
          "Where optbench build left <variant>/variant.json; missing ones are skipped. Default: ${DEFAULT-VALUE}.")
  Path builds;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      defaultValue = "optbench-out/report.html",
      description = "Report file. Default: ${DEFAULT-VALUE}.")
  Path out;

  @Option(names = "--title", paramLabel = "T", defaultValue = "optbench report")
  String title;

  @Override
  public Integer call() throws IOException {
    RunFolder run = new RunFolder(in);
    Path runResults = Files.isRegularFile(run.jmhJson()) ? run.jmhJson() : run.partialJson();
    if (Files.isRegularFile(runResults)) {
      // A main job's run folder: one JMH file with a variant param, manifests inside.
      Map<String, List<BenchmarkResult>> byVariant = RunReport.variants(runResults);
      if (!byVariant.containsKey(baseline)) {
        throw new IllegalArgumentException(
            "no results for --baseline "
                + baseline
                + " in "
                + runResults
                + " (found "
                + byVariant.keySet()
                + ")");
      }
      new RunReport(run, baseline, System.out).writeHtml(byVariant, List.of());
      System.out.println("report: " + run.report());
      return 0;
    }
    Map<String, List<BenchmarkResult>> variants = new LinkedHashMap<>();
    List<LinePoint> samples = new ArrayList<>();
    List<Map<String, Object>> manifests = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    JmhJsonReader jmh = new JmhJsonReader();
    for (Path file : files(".json")) {
      String variant = stem(file);
      if (!variant.equals("host")) {
        variants.put(variant, jmh.read(file));
        Path manifest = builds.resolve(variant).resolve("variant.json");
        if (Files.isRegularFile(manifest)) {
          manifests.add(new ObjectMapper().readValue(manifest.toFile(), JSON_MAP));
        } else {
          warnings.add("No build manifest for " + variant + " at " + manifest + ".");
        }
      }
    }
    if (!variants.containsKey(baseline)) {
      throw new IllegalArgumentException(
          "no "
              + baseline
              + ".json in "
              + in
              + " (found "
              + variants.keySet()
              + "); pick another --baseline or add its results");
    }
    for (Path file : files(".lp")) {
      samples.addAll(new LineProtocolReader().read(file));
    }
    Map<String, Object> host = Map.of();
    Path hostFile = in.resolve("host.json");
    if (Files.isRegularFile(hostFile)) {
      host = new ObjectMapper().readValue(hostFile.toFile(), JSON_MAP);
    } else {
      warnings.add("No host.json in " + in + ": the machine the results come from is unknown.");
    }
    // Baseline first: the report reads left to right from the reference.
    Map<String, List<BenchmarkResult>> ordered = new LinkedHashMap<>();
    ordered.put(baseline, variants.get(baseline));
    ordered.putAll(variants);
    ReportInput input =
        new ReportInput(
            title,
            baseline,
            ordered,
            samples,
            manifests,
            host,
            warnings,
            CompareOptions.defaults(),
            Instant.now().toString());
    if (out.getParent() != null) {
      Files.createDirectories(out.getParent());
    }
    new HtmlReport().write(input, out);
    System.out.println("report: " + out.toAbsolutePath());
    return 0;
  }

  private List<Path> files(String suffix) throws IOException {
    if (!Files.isDirectory(in)) {
      throw new IllegalArgumentException(in + " is not a folder of results");
    }
    return RunReport.files(in, suffix);
  }

  private static String stem(Path file) {
    String name = file.getFileName().toString();
    return name.substring(0, name.lastIndexOf('.'));
  }
}
