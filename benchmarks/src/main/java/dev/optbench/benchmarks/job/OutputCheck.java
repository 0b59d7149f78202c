package dev.optbench.benchmarks.job;

import dev.optbench.benchmarks.jmh.AtomicJson;
import dev.optbench.benchmarks.jmh.RunFolder;
import dev.optbench.benchmarks.jmh.RunPlan;
import dev.optbench.benchmarks.jmh.TrialSandbox;
import dev.optbench.benchmarks.jmh.WorkFolders;
import dev.optbench.harness.model.VariantRef;
import dev.optbench.harness.runner.RunAssembly;
import dev.optbench.harness.runner.RunSettings;
import dev.optbench.harness.runner.UnitOutputs;
import dev.optbench.harness.runner.UnitResult;
import dev.optbench.harness.runner.VariantSession;
import dev.optbench.harness.runtime.ContainerRuntime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code --check-outputs}: runs every unit once more per variant, outside the measurement, in the
 * same sandbox kind, and compares what it wrote ({@link UnitOutputs}) with the baseline's. Writes
 * {@code outputs.json} (per unit and variant: same, differs or failed, with the digests) and
 * returns the console line. A separate pass because the timed invocations clear their work folder
 * and must not pay for hashing.
 */
final class OutputCheck {
  static final String SAME = "same";
  static final String DIFFERS = "differs";
  static final String FAILED = "failed";
  static final String BASELINE = "baseline";

  /** One unit on one variant. */
  record Outcome(String status, UnitOutputs outputs) {}

  /** The file's content: the baseline and, per unit then variant, the outcome. */
  record Report(String baseline, Map<String, Map<String, Outcome>> units) {}

  private OutputCheck() {}

  static String run(
      RunPlan plan, RunFolder folder, ContainerRuntime rt, List<VariantRef> refs, String baseline) {
    Path work = folder.work().resolve("output-check");
    RunSettings base = TrialSandbox.settings(plan);
    // the check's own series would mix with the trials' in the report: keep them in its folder
    RunSettings quiet =
        new RunSettings(
            base.runId(),
            base.machine(),
            base.cpuset(),
            base.memoryBytes(),
            base.timeout(),
            base.interval(),
            work.resolve("samples"),
            Optional.empty(),
            base.cadvisor());
    RunAssembly assembly = new RunAssembly(rt, quiet);
    Map<String, Map<String, UnitOutputs>> byVariant = new LinkedHashMap<>();
    try {
      for (VariantRef ref : refs) {
        Path dir = Files.createDirectories(work.resolve(ref.name()));
        Files.createDirectories(quiet.samplesDir());
        Map<String, UnitOutputs> outs = new LinkedHashMap<>();
        try (VariantSession session = assembly.open(ref, dir, "output-check-" + ref.name())) {
          for (Map.Entry<String, RunPlan.Unit> u : plan.units().entrySet()) {
            reset(dir, folder);
            UnitResult r = session.run(u.getKey(), u.getValue().steps());
            outs.put(u.getKey(), r.succeeded() ? UnitOutputs.of(dir, r) : null);
          }
        }
        byVariant.put(ref.name(), outs);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run the output check in " + work, e);
    } finally {
      try {
        WorkFolders.delete(folder.work()); // the trials removed theirs; the check's go too
      } catch (IOException e) {
        System.err.println("optbench: could not remove " + folder.work() + ": " + e);
      }
    }
    Report report = compare(byVariant, baseline);
    AtomicJson.write(report, folder.outputs());
    return line(report);
  }

  static Report compare(Map<String, Map<String, UnitOutputs>> byVariant, String baseline) {
    Map<String, Map<String, Outcome>> units = new LinkedHashMap<>();
    byVariant.forEach(
        (variant, outs) ->
            outs.forEach(
                (unit, o) -> {
                  UnitOutputs ref = byVariant.get(baseline).get(unit);
                  String status =
                      o == null || ref == null
                          ? FAILED
                          : variant.equals(baseline) ? BASELINE : o.equals(ref) ? SAME : DIFFERS;
                  units
                      .computeIfAbsent(unit, k -> new LinkedHashMap<>())
                      .put(variant, new Outcome(status, o));
                }));
    return new Report(baseline, units);
  }

  /** E.g. {@code outputs vs O2: 3 same, 1 differs (enc-2 on O0), 0 failed}. */
  static String line(Report r) {
    Map<String, Integer> counts = new LinkedHashMap<>(Map.of(SAME, 0, DIFFERS, 0, FAILED, 0));
    StringBuilder differs = new StringBuilder();
    r.units()
        .forEach(
            (unit, byVariant) ->
                byVariant.forEach(
                    (variant, o) -> {
                      if (variant.equals(r.baseline())) {
                        return;
                      }
                      counts.merge(o.status(), 1, Integer::sum);
                      if (!o.status().equals(SAME)) {
                        differs
                            .append(differs.length() == 0 ? "" : ", ")
                            .append(unit)
                            .append(" on ")
                            .append(variant)
                            .append(' ')
                            .append(o.status());
                      }
                    }));
    return String.format(
        "outputs vs %s: %d same, %d differs, %d failed%s",
        r.baseline(),
        counts.get(SAME),
        counts.get(DIFFERS),
        counts.get(FAILED),
        differs.length() == 0 ? "" : " (" + differs + ")");
  }

  private static void reset(Path dir, RunFolder folder) throws IOException {
    WorkFolders.clear(dir);
    Path inputs = folder.media().resolve(UnitOutputs.INPUTS);
    if (Files.isDirectory(inputs)) {
      WorkFolders.linkTree(inputs, dir.resolve(UnitOutputs.INPUTS));
    }
  }
}
