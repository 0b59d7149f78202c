package dev.optbench.benchmarks.job;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.optbench.benchmarks.jmh.RunFolder;
import dev.optbench.harness.files.AtomicFile;
import dev.optbench.harness.files.ResultWriteException;
import dev.optbench.harness.files.StaleFiles;
import dev.optbench.results.compare.CompareOptions;
import dev.optbench.results.jmh.JmhJsonReader;
import dev.optbench.results.model.BenchmarkResult;
import dev.optbench.results.model.VariantSplit;
import dev.optbench.results.profile.RunProfiles;
import dev.optbench.results.report.Headlines;
import dev.optbench.results.report.HtmlReport;
import dev.optbench.results.report.ReportInput;
import dev.optbench.results.series.LinePoint;
import dev.optbench.results.series.LineProtocolReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Turns a run folder into what people read: the verdict table on the terminal, {@code summary.md}
 * for CI logs, and {@code report.html}. Also used by {@code optbench report} on a run folder.
 */
public final class RunReport {
  private static final TypeReference<Map<String, Object>> JSON_MAP = new TypeReference<>() {};
  private static final ObjectMapper JSON = new ObjectMapper();
  private final RunFolder folder;
  private final String baseline;
  private final PrintStream out;

  public RunReport(RunFolder folder, String baseline, PrintStream out) {
    this.folder = folder;
    this.baseline = baseline;
    this.out = out;
  }

  /**
   * Exit code of a run whose results are written but whose time series InfluxDB has not all taken:
   * they wait in spool files, and the last line says how to replay them.
   */
  static final int EXIT_SERIES_PENDING = 3;

  /**
   * After JMH: report, verdict, final status. 0 when complete with no failed unit, 3 when points
   * wait in spool files for InfluxDB, else 1.
   */
  int finish(boolean complete, RunStatus status) throws IOException {
    try {
      return report(complete, status);
    } catch (ResultWriteException e) {
      StaleFiles.removeIn(folder.dir()); // frees what run.json needs on a full disk
      status
          .with(RunStatus.FAILED, e.getMessage(), now(), status.trialsDone())
          .write(folder.status());
      out.println(
          "optbench: "
              + e.getMessage()
              + ". The report is incomplete; run.json says failed. Free space, then `report "
              + folder.dir()
              + "` writes it again.");
      return 1;
    }
  }

  private int report(boolean complete, RunStatus status) throws IOException {
    Path results = Files.isRegularFile(folder.jmhJson()) ? folder.jmhJson() : folder.partialJson();
    if (!Files.isRegularFile(results)) {
      status.with(RunStatus.FAILED, "no trial produced a result", now(), 0).write(folder.status());
      out.println("optbench: no trial produced a result; see the messages above.");
      return 1;
    }
    Map<String, List<BenchmarkResult>> variants = variants(results);
    int done = variants.values().stream().mapToInt(List::size).sum();
    List<String> failures = failures();
    List<String> warnings = new ArrayList<>(failures);
    if (done < status.trialsPlanned()) {
      warnings.add(
          (status.trialsPlanned() - done)
              + " of "
              + status.trialsPlanned()
              + " trials have no result (a sandbox could not start or the benchmark threw; see"
              + " the run's output).");
    }
    out.println();
    placement().ifPresent(p -> out.println("engines: " + p + "; ratios only within an engine"));
    if (variants.containsKey(baseline)) {
      RunSummary summary = new RunSummary(baseline, variants, options());
      List<Headlines.Headline> headlines = summary.headlines(manifests(variants.keySet()));
      out.print(summary.text(headlines));
      writeMarkdown(summary, headlines, warnings, results);
      writeHtml(variants, warnings);
      out.println();
      out.println("report:  " + folder.report());
      out.println("summary: " + folder.summary() + " (all tables: " + folder.fullSummary() + ")");
    } else {
      warnings.add("the baseline " + baseline + " has no results: nothing to compare");
    }
    warnings.forEach(w -> out.println("warning: " + w));
    out.println("results: " + results + " (JMH JSON)");
    boolean clean = complete && failures.isEmpty() && done == status.trialsPlanned();
    Optional<String> unsent = SeriesDelivery.of(folder).finish();
    unsent.ifPresent(warnings::add);
    status
        .with(
            unsent.isPresent()
                ? RunStatus.SERIES_PENDING
                : complete ? RunStatus.COMPLETE : RunStatus.PARTIAL,
            clean && unsent.isEmpty() ? "" : String.join(" ", warnings),
            now(),
            done)
        .write(folder.status());
    if (unsent.isPresent()) {
      out.println("optbench: " + unsent.get());
      return EXIT_SERIES_PENDING;
    }
    return clean ? 0 : 1;
  }

  /** The run's results per variant, the variant param taken out so units pair up. */
  public static Map<String, List<BenchmarkResult>> variants(Path jmhJson) throws IOException {
    return VariantSplit.byParam(new JmhJsonReader().read(jmhJson), "variant");
  }

  /**
   * Writes {@code report.html} from the folder's results, samples, manifests, host facts and, after
   * {@code --instructions}, the profiles under {@code profiles/}.
   */
  public void writeHtml(Map<String, List<BenchmarkResult>> variants, List<String> warnings)
      throws IOException {
    Map<String, List<BenchmarkResult>> ordered = new LinkedHashMap<>();
    ordered.put(baseline, variants.get(baseline));
    ordered.putAll(variants);
    List<LinePoint> samples = new ArrayList<>();
    for (Path lp : files(folder.samples(), ".lp")) {
      samples.addAll(new LineProtocolReader().read(lp));
    }
    List<Map<String, Object>> manifests = manifests(ordered.keySet());
    Map<String, Object> host =
        Files.isRegularFile(folder.host())
            ? JSON.readValue(folder.host().toFile(), JSON_MAP)
            : Map.of();
    List<String> shown = new ArrayList<>(warnings);
    RunProfiles profiles = profiles(shown);
    AtomicFile.writeString(
        folder.report(),
        new HtmlReport()
            .render(
                new ReportInput(
                    "optbench "
                        + folder.dir().getFileName()
                        + placement().map(p -> " · " + p).orElse(""),
                    baseline,
                    ordered,
                    samples,
                    manifests,
                    host,
                    shown,
                    options(),
                    now(),
                    profiles)));
  }

  /**
   * "whole placement (a: O0, O2; b: O1, O2)" for a run on named engines, from its run.json: the
   * report's header says where each variant ran. Empty for other runs or an unreadable run.json.
   */
  private Optional<String> placement() {
    if (!Files.isRegularFile(folder.status())) {
      return Optional.empty();
    }
    try {
      return Optional.of(RunStatus.read(folder.status()).placement())
          .filter(dev.optbench.harness.engine.Placement::placed)
          .map(dev.optbench.harness.engine.Placement::summary);
    } catch (RuntimeException unreadable) {
      return Optional.empty(); // the report does not depend on run.json
    }
  }

  /**
   * The instruction profiles of an {@code --instructions} run (none otherwise). A damaged profile
   * file costs the report its profile section, said in a warning, never the whole report.
   */
  private RunProfiles profiles(List<String> warnings) {
    try {
      return RunProfiles.read(folder.dir());
    } catch (IOException | RuntimeException e) {
      warnings.add("instruction profiles not shown: " + e.getMessage());
      return RunProfiles.NONE;
    }
  }

  /** Interleaved runs (rounds.json) pair their values by round; JMH's trial order does not. */
  private CompareOptions options() {
    return CompareOptions.defaults().withPaired(Files.isRegularFile(folder.rounds()));
  }

  /** The build manifests of the variants that have one, in the order given. */
  private List<Map<String, Object>> manifests(java.util.Collection<String> variants)
      throws IOException {
    List<Map<String, Object>> manifests = new ArrayList<>();
    for (String variant : variants) {
      Path m = folder.variants().resolve(variant).resolve("variant.json");
      if (Files.isRegularFile(m)) {
        manifests.add(JSON.readValue(m.toFile(), JSON_MAP));
      }
    }
    return manifests;
  }

  private void writeMarkdown(
      RunSummary summary, List<Headlines.Headline> headlines, List<String> warnings, Path results)
      throws IOException {
    String run = folder.dir().getFileName().toString();
    List<String> files = new ArrayList<>();
    files.add(
        "[report.html](report.html): ranked chart, commands × variants, time series, provenance");
    files.add("[summary-full.md](summary-full.md): every command and metric, all warnings");
    String json = results.getFileName().toString();
    files.add(
        "[" + json + "](" + json + ") (JMH's JSON), [run.json](run.json), [host.json](host.json)");
    if (Files.isRegularFile(folder.failures())) {
      files.add("[failures.jsonl](failures.jsonl): one line per failed invocation");
    }
    AtomicFile.writeString(
        folder.summary(), SummaryMarkdown.summary(run, summary, headlines, warnings, files));
    AtomicFile.writeString(folder.fullSummary(), SummaryMarkdown.full(run, summary, warnings));
  }

  /** One sentence per failed invocation recorded by the trials. */
  private List<String> failures() throws IOException {
    if (!Files.isRegularFile(folder.failures())) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (String line : Files.readAllLines(folder.failures(), StandardCharsets.UTF_8)) {
      Map<String, Object> f = JSON.readValue(line, JSON_MAP);
      if (f.get("movedTo") != null) {
        out.add(
            f.get("unit")
                + " on "
                + f.get("variant")
                + " moved whole from engine "
                + f.get("engine")
                + " to engine "
                + f.get("movedTo")
                + " after round "
                + f.get("afterRound")
                + ", because "
                + f.get("engine")
                + " was lost ("
                + f.get("engineLost")
                + "): its "
                + f.get("roundsDropped")
                + " round(s) on "
                + f.get("engine")
                + " are not compared; its ratio rests on its "
                + f.get("roundsOnNewEngine")
                + " round(s) on "
                + f.get("movedTo")
                + ", paired with the baseline's same rounds there");
        continue;
      }
      if (f.get("engineLost") != null) {
        out.add(
            f.get("unit")
                + " on "
                + f.get("variant")
                + "@"
                + f.get("engine")
                + " did not finish: its engine was lost after "
                + f.get("roundsKept")
                + " of "
                + f.get("roundsPlanned")
                + " rounds ("
                + f.get("engineLost")
                + ")");
        continue;
      }
      String why =
          Boolean.TRUE.equals(f.get("oomKilled"))
              ? "was OOM-killed (raise --memory)"
              : Boolean.TRUE.equals(f.get("timedOut"))
                  ? "timed out (raise --timeout)"
                  : !Integer.valueOf(0).equals(f.get("signal"))
                      ? "died of signal " + f.get("signal")
                      : "exited " + f.get("exitCode");
      String tail = String.valueOf(f.get("stderrTail")).strip();
      String last = tail.isEmpty() ? "" : ": " + tail.lines().reduce((a, b) -> b).orElse("");
      String where = f.containsKey("engine") ? "@" + f.get("engine") : "";
      out.add(f.get("unit") + " on " + f.get("variant") + where + " " + why + last);
    }
    return out;
  }

  /** The files of {@code dir} whose names end with {@code suffix}, sorted; none if no folder. */
  public static List<Path> files(Path dir, String suffix) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> list = Files.list(dir)) {
      return list.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
    }
  }

  private static String now() {
    return Instant.now().toString();
  }
}
