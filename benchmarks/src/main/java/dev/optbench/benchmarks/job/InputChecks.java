package dev.optbench.benchmarks.job;

import dev.optbench.build.spec.SpecValidator;
import dev.optbench.build.spec.VariantSpec;
import dev.optbench.harness.runtime.LimitRules;
import java.time.Duration;
import java.util.List;

/**
 * The main job's inputs that are checked in one place before the first long step (and before
 * anything is written): limits, counts, variant specs (compiled with their flags, a few seconds),
 * and that the results and cache folders can be written. Each failure is one sentence naming the
 * option and what to give instead; the CLI turns it into exit 2.
 */
final class InputChecks {
  private InputChecks() {}

  static void check(JobSettings s, List<VariantSpec> specs) {
    atLeastOne("--units", s.units());
    atLeastOne("--budget", s.budget());
    atLeastOne("--jobs", s.jobs());
    LimitRules.check(
        s.cpuset(),
        s.memoryBytes(),
        Duration.ofMillis(s.timeoutMillis()),
        Duration.ofMillis(s.intervalMillis()));
    OutputFolders.requireWritable(s.resultsDir(), "--results");
    OutputFolders.requireWritable(s.cacheDir(), "--cache (or OPTBENCH_CACHE)");
    new SpecValidator().validate(specs);
  }

  private static void atLeastOne(String option, long value) {
    if (value < 1) {
      throw new IllegalArgumentException(option + " must be at least 1, got " + value);
    }
  }
}
