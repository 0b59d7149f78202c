package dev.optbench.benchmarks.jmh;

import java.nio.file.Path;

/**
 * The layout of one run's results folder, {@code optbench-results/<run-id>/}, in one place: the
 * main job writes it, the forks add samples and failures to it, {@code report} reads it.
 */
public record RunFolder(Path dir) {
  public RunFolder {
    dir = dir.toAbsolutePath();
  }

  /** JMH's own JSON, written by jmh-core when the run completes: the primary result file. */
  public Path jmhJson() {
    return dir.resolve("jmh.json");
  }

  /** The trials finished so far, in JMH's format, rewritten after each; gone once complete. */
  public Path partialJson() {
    return dir.resolve("jmh.partial.json");
  }

  /** The order of an interleaved run's rounds with its seed; absent for JMH's trial order. */
  public Path rounds() {
    return dir.resolve("rounds.json");
  }

  /** How long each unit lasted on the baseline and which were lengthened ({@code ShortUnits}). */
  public Path lengths() {
    return dir.resolve("lengths.json");
  }

  public Path status() {
    return dir.resolve("run.json");
  }

  public Path plan() {
    return dir.resolve("plan.json");
  }

  public Path workload() {
    return dir.resolve("workload.json");
  }

  public Path host() {
    return dir.resolve("host.json");
  }

  /** {@code variants/<name>/variant.json}: build manifests with the functional check. */
  public Path variants() {
    return dir.resolve("variants");
  }

  /** Line-protocol samples (or the InfluxDB spool) per trial. */
  public Path samples() {
    return dir.resolve("samples");
  }

  /** One JSON line per failed invocation: exit, signal, OOM, stderr tail. */
  public Path failures() {
    return dir.resolve("failures.jsonl");
  }

  /**
   * When each invocation of an interleaved run on several engines ran, one JSON line each: the
   * evidence that the engines worked side by side. Absent for a run on one engine.
   */
  public Path timeline() {
    return dir.resolve("timeline.jsonl");
  }

  public Path work() {
    return dir.resolve("work");
  }

  public Path media() {
    return dir.resolve("media");
  }

  public Path report() {
    return dir.resolve("report.html");
  }

  /** Per unit and variant, whether its outputs equal the baseline's ({@code --check-outputs}). */
  public Path outputs() {
    return dir.resolve("outputs.json");
  }

  public Path summary() {
    return dir.resolve("summary.md");
  }

  /** Every command and metric: the tables too long for summary.md. */
  public Path fullSummary() {
    return dir.resolve("summary-full.md");
  }
}
