package dev.optbench.benchmarks.job;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.optbench.benchmarks.jmh.AtomicJson;
import dev.optbench.benchmarks.rounds.LengthChoice;
import dev.optbench.harness.novelty.Evaluation;
import dev.optbench.harness.novelty.ReferenceEvaluator;
import dev.optbench.harness.workload.InputMode;
import dev.optbench.harness.workload.UnitLength;
import dev.optbench.harness.workload.WorkloadUnit;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.math3.stat.descriptive.rank.Median;

/**
 * Issue 13 item 5: units too short for this machine to time well are lengthened before the run.
 * ffmpeg's start-up is timed on the baseline build (its jitter sets the floor, {@link
 * LengthChoice}); then each generated unit, as written and with four times its media; a short one
 * runs with more media under a new id ({@link UnitLength}). Unmeasured and on the host, outside any
 * sandbox: a few seconds, said on the console and kept in {@code lengths.json}.
 */
final class ShortUnits {
  /** Timings per unit and length: one discarded (caches, page faults), then the median of 3. */
  private static final int TIMED = 3;

  private static final int LAUNCHES = 9;

  /** Each timing's limit: a unit as written lasts seconds at most; four times that, still small. */
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  /**
   * @param unit the id as written
   * @param runAs the id the run uses: {@code <unit>.x<factor>} when lengthened, else the same
   * @param cpuMs median CPU time (user + sys) on the baseline as written; 0 when not timed
   * @param cpuAt4Ms with four times the media; 0 when not needed
   * @param predictedMs the CPU time expected at the factor
   * @param note why it was or was not lengthened
   */
  @JsonPropertyOrder({"unit", "runAs", "factor", "cpuMs", "cpuAt4Ms", "predictedMs", "note"})
  record Length(
      String unit,
      String runAs,
      int factor,
      double cpuMs,
      double cpuAt4Ms,
      double predictedMs,
      String note) {}

  /**
   * What {@code lengths.json} holds.
   *
   * @param launchMs ffmpeg's median start-up ({@code ffmpeg -version}) on the baseline
   * @param jitterMs its robust standard deviation
   * @param minimumMs the user's minimum ({@code --min-unit-ms})
   * @param floorMs the larger of the minimum and 100 × the jitter
   */
  @JsonPropertyOrder({"baseline", "launchMs", "jitterMs", "minimumMs", "floorMs", "units"})
  record Report(
      String baseline,
      double launchMs,
      double jitterMs,
      double minimumMs,
      double floorMs,
      List<Length> units) {}

  private final ReferenceEvaluator baselineRun;
  private final PrintStream out;

  private ShortUnits(ReferenceEvaluator baselineRun, PrintStream out) {
    this.baselineRun = baselineRun;
    this.out = out;
  }

  /**
   * The units to run: each generated one shorter than the floor lengthened, the others as they are.
   * With {@code minimumMs} 0 nothing is timed and the units are returned as given.
   *
   * @param workDir an empty scratch folder, deleted by the caller
   */
  static List<WorkloadUnit> lengthen(
      List<WorkloadUnit> units,
      String baseline,
      Path ffmpeg,
      Path helper,
      Path workDir,
      double minimumMs,
      Path reportFile,
      PrintStream out) {
    if (minimumMs == 0) {
      out.println("unit length: as written (--min-unit-ms 0)");
      return units;
    }
    ShortUnits s =
        new ShortUnits(
            new ReferenceEvaluator(ffmpeg, helper, workDir, TIMEOUT, InputMode.LIVE), out);
    return s.lengthen(units, baseline, minimumMs, reportFile);
  }

  private List<WorkloadUnit> lengthen(
      List<WorkloadUnit> units, String baseline, double minimumMs, Path reportFile) {
    List<Double> launches = new ArrayList<>();
    List<List<String>> version = List.of(List.of("ffmpeg", "-hide_banner", "-version"));
    for (int i = 0; i <= LAUNCHES; i++) {
      Optional<Double> ms = wallMs(version);
      if (i > 0) {
        ms.ifPresent(launches::add);
      }
    }
    if (launches.size() < 3) {
      throw new IllegalStateException(
          "the baseline's ffmpeg does not start (`ffmpeg -version` failed): cannot time units");
    }
    double launch = median(launches);
    double jitter = LengthChoice.jitterMs(launches);
    double floor = LengthChoice.floorMs(minimumMs, jitter);
    out.printf(
        "unit length: ffmpeg starts in %.1f ms ± %.1f ms here; units under %.0f ms on %s get"
            + " more media (--min-unit-ms %.0f; 100 × that jitter: %.0f ms)%n",
        launch, jitter, floor, baseline, minimumMs, 100 * jitter);
    List<WorkloadUnit> run = new ArrayList<>();
    List<Length> lengths = new ArrayList<>();
    for (WorkloadUnit u : units) {
      Length l = length(u, floor);
      lengths.add(l);
      run.add(UnitLength.times(u, l.factor()));
      if (l.factor() > 1) {
        out.printf(
            "  %-14s %6.0f ms -> x%d as %s (about %.0f ms)%n",
            u.id(), l.cpuMs(), l.factor(), l.runAs(), l.predictedMs());
      } else {
        out.printf(
            "  %-14s %s%n",
            u.id(), l.cpuMs() > 0 ? String.format("%6.0f ms, %s", l.cpuMs(), l.note()) : l.note());
      }
    }
    AtomicJson.write(new Report(baseline, launch, jitter, minimumMs, floor, lengths), reportFile);
    return run;
  }

  private Length length(WorkloadUnit u, double floor) {
    Optional<String> whyNot = UnitLength.whyNot(u);
    if (whyNot.isPresent()) {
      return new Length(u.id(), u.id(), 1, 0, 0, 0, "as written: " + whyNot.get());
    }
    Optional<Double> at1 = timed(u.steps());
    if (at1.isEmpty()) {
      return new Length(
          u.id(), u.id(), 1, 0, 0, 0, "as written: failed on the baseline while being timed");
    }
    if (at1.get() >= floor) {
      return new Length(u.id(), u.id(), 1, at1.get(), 0, at1.get(), "long enough");
    }
    Optional<Double> at4 = timed(UnitLength.times(u, 4).steps());
    if (at4.isEmpty()) {
      return new Length(
          u.id(), u.id(), 1, at1.get(), 0, at1.get(), "as written: failed with more media");
    }
    int factor = LengthChoice.factor(at1.get(), at4.get(), floor);
    if (factor == 1) {
      return new Length(
          u.id(),
          u.id(),
          1,
          at1.get(),
          at4.get(),
          at1.get(),
          "as written: more media costs no time");
    }
    WorkloadUnit longer = UnitLength.times(u, factor);
    double predicted = LengthChoice.predictedMs(at1.get(), at4.get(), factor);
    String note =
        predicted < floor
            ? "lengthened as far as allowed (x" + LengthChoice.MAX_FACTOR + "), still short"
            : "lengthened";
    return new Length(u.id(), longer.id(), factor, at1.get(), at4.get(), predicted, note);
  }

  /**
   * Median CPU time (user + sys) of {@link #TIMED} runs after one discarded; empty if any run
   * failed. CPU time, not wall: the sandbox pins a unit to the --cpuset CPU (one by default), where
   * its wall time is its CPU time, and CPU time stays put when other work contends here (beside a
   * co-runner a x8 unit came out x4 when this was wall time, 2026-12-07), so the same unit gets the
   * same factor and id on a busy and a quiet machine.
   */
  private Optional<Double> timed(List<List<String>> steps) {
    List<Double> cpu = new ArrayList<>();
    for (int i = 0; i <= TIMED; i++) {
      Evaluation e = baselineRun.evaluateSteps(steps);
      if (!e.valid()) {
        return Optional.empty();
      }
      if (i > 0) {
        cpu.add(e.behaviour().cpuMicros() / 1e3);
      }
    }
    return Optional.of(median(cpu));
  }

  private Optional<Double> wallMs(List<List<String>> steps) {
    Evaluation e = baselineRun.evaluateSteps(steps);
    return e.valid() ? Optional.of(e.behaviour().wallNanos() / 1e6) : Optional.empty();
  }

  private static double median(List<Double> values) {
    return new Median().evaluate(values.stream().mapToDouble(Double::doubleValue).toArray());
  }
}
