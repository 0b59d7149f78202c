package dev.optbench.benchmarks.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.optbench.harness.workload.Template;
import dev.optbench.results.model.BenchmarkResult;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 item 5 end to end on real builds: a generated unit far shorter than the floor is timed
 * on the baseline, run with more media under a new id, and really lasts longer; a user's command of
 * the same shape is run as written and the run says why.
 */
class MainJobLengthIT {
  @TempDir Path tmp;

  @Test
  void aShortGeneratedUnitIsLengthenedAndAUsersCommandIsNot() throws Exception {
    Path workload =
        TestWorkloads.write(
            tmp.resolve("w.json"),
            List.of(
                TestWorkloads.shortLive("short", Template.VIDEO_TRANSCODE),
                TestWorkloads.shortLive("mine", null)));
    BenchmarksJar.Finished job =
        BenchmarksJar.runToEnd(
            tmp,
            List.of(),
            List.of(
                "--variants",
                "O0,O2",
                "--baseline",
                "O2",
                "--workload",
                workload.toString(),
                "--runtime",
                "process",
                "--min-unit-ms",
                "300",
                "-wi",
                "1",
                "-i",
                "6"));
    String out = job.output();
    assertThat(job.exit()).as(out).isZero();
    assertThat(out)
        .contains("unit length: ffmpeg starts in", "units under")
        .contains("mine", "as written: a user command: measured as written");

    Path run = BenchmarksJar.runFolder(tmp.resolve("optbench-results"));
    JsonNode lengths = new ObjectMapper().readTree(run.resolve("lengths.json").toFile());
    assertThat(lengths.get("baseline").asText()).isEqualTo("O2");
    assertThat(lengths.get("floorMs").asDouble()).isGreaterThanOrEqualTo(300);
    JsonNode shortUnit = lengths.get("units").get(0);
    int factor = shortUnit.get("factor").asInt();
    double asWritten = shortUnit.get("cpuMs").asDouble();
    assertThat(asWritten).as("the unit as written, on O2 (CPU time)").isPositive().isLessThan(300);
    assertThat(factor).as(shortUnit.toString()).isGreaterThanOrEqualTo(2);
    String runAs = "short.x" + factor;
    assertThat(shortUnit.get("runAs").asText()).isEqualTo(runAs);
    assertThat(out).contains("-> x" + factor + " as " + runAs);
    JsonNode mine = lengths.get("units").get(1);
    assertThat(mine.get("factor").asInt()).isEqualTo(1);
    assertThat(mine.get("runAs").asText()).isEqualTo("mine");

    Map<String, List<BenchmarkResult>> variants = RunReport.variants(run.resolve("jmh.json"));
    for (List<BenchmarkResult> results : variants.values()) {
      assertThat(results).extracting(r -> r.params().get("unit")).containsOnly(runAs, "mine");
    }
    BenchmarkResult longer =
        variants.get("O2").stream()
            .filter(r -> runAs.equals(r.params().get("unit")))
            .findFirst()
            .orElseThrow();
    double[] wall = longer.secondaryMetrics().get("wall").samples();
    double median = Arrays.stream(wall).sorted().toArray()[wall.length / 2];
    // x2 at least: more than 1.5 times the unit as written, start-up included
    assertThat(median).as("the lengthened unit's wall on O2").isGreaterThan(1.5 * asWritten);

    // the warm-up round runs a fifth of a second of media (a user's command as written): the plan
    // says so, and it is shorter than every measured round (which runs the lengthened unit)
    JsonNode planned = new ObjectMapper().readTree(run.resolve("plan.json").toFile());
    JsonNode unit = planned.get("units").get(runAs);
    assertThat(unit.get("warmupSteps")).as(unit.toString()).isNotEqualTo(unit.get("steps"));
    assertThat(duration(unit.get("steps"))).isEqualTo(factor * 1.0);
    assertThat(duration(unit.get("warmupSteps"))).isEqualTo(0.2);
    JsonNode users = planned.get("units").get("mine");
    assertThat(users.get("warmupSteps")).isEqualTo(users.get("steps"));
    double warmup = unitWall(out, "\\[warm-up\\] \\d+ pairs: unit wall ([0-9.]+)s").get(0);
    List<Double> rounds = unitWall(out, "\\[round +\\d+/\\d+\\] \\d+ pairs: unit wall ([0-9.]+)s");
    assertThat(rounds).as(out).hasSize(6);
    assertThat(warmup).as(out).isLessThan(rounds.stream().min(Double::compare).orElseThrow());
  }

  /** The first live input's {@code -t} seconds in a unit's first step. */
  private static double duration(JsonNode steps) {
    JsonNode argv = steps.get(0);
    for (int i = 0; i + 1 < argv.size(); i++) {
      if (argv.get(i).asText().equals("-t")) {
        return Double.parseDouble(argv.get(i + 1).asText());
      }
    }
    throw new AssertionError("no -t in " + argv);
  }

  private static List<Double> unitWall(String out, String pattern) {
    return java.util.regex.Pattern.compile(pattern)
        .matcher(out)
        .results()
        .map(m -> Double.parseDouble(m.group(1)))
        .toList();
  }
}
