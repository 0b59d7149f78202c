package dev.optbench.benchmarks.profile;

import dev.optbench.benchmarks.jmh.RunFolder;
import dev.optbench.benchmarks.jmh.RunPlan;
import dev.optbench.harness.profile.FunctionProfile;
import dev.optbench.harness.profile.ProfileDiff;
import dev.optbench.results.jmh.JmhJsonReader;
import dev.optbench.results.jmh.JmhJsonWriter;
import dev.optbench.results.model.BenchmarkResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The main job's instruction pass, after JMH: every (variant, unit) of {@code jmh.json} counted on
 * its variant's binary with the unit's steps and the run's media; the counts are added to {@code
 * jmh.json} as the secondary metric {@code instructions}; {@code profiles/<variant>/} gets each
 * unit's callgrind.out, folded stacks and functions, and, for every variant but the baseline,
 * {@code <unit>.diff-vs-<baseline>.tsv}: the functions whose instructions changed most.
 */
public final class RunFolderPass {
  /** Rows of the differential table kept per (variant, unit). */
  static final int DIFF_ROWS = 50;

  private RunFolderPass() {}

  public static void run(RunFolder folder, RunPlan plan, String baseline, InstructionPass pass)
      throws IOException {
    Path json = folder.jmhJson();
    List<BenchmarkResult> counted = new ArrayList<>();
    Map<String, FunctionProfile> profiles = new HashMap<>();
    for (BenchmarkResult r : new JmhJsonReader().read(json)) {
      String variant = r.params().get("variant");
      String unit = r.params().get("unit");
      Path dir = folder.dir().resolve("profiles").resolve(variant);
      InstructionPass.Counted c =
          pass.addTo(
              r,
              plan.variant(variant).binDir(),
              plan.unit(unit).steps(),
              folder.media(),
              dir,
              unit);
      counted.add(c.result());
      profiles.put(variant + "/" + unit, c.profile());
    }
    new JmhJsonWriter().write(counted, json);
    for (Map.Entry<String, FunctionProfile> e : profiles.entrySet()) {
      String[] vu = e.getKey().split("/", 2);
      FunctionProfile base = profiles.get(baseline + "/" + vu[1]);
      if (!vu[0].equals(baseline) && base != null && !base.isEmpty()) {
        Files.writeString(
            folder
                .dir()
                .resolve("profiles")
                .resolve(vu[0])
                .resolve(vu[1] + ".diff-vs-" + baseline + ".tsv"),
            ProfileDiff.tsv(ProfileDiff.top(base, e.getValue(), DIFF_ROWS)));
      }
    }
  }
}
