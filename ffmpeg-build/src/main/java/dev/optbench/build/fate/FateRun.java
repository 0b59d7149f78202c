package dev.optbench.build.fate;

import dev.optbench.build.manifest.BuildManifest;
import dev.optbench.build.proc.ProcessRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs FFmpeg's own tests in a configured build tree: the tests {@code make fate-list} names
 * without {@code SAMPLES} (FATE's makefiles add only those the configuration enables, and leave out
 * every test needing the external sample suite), with {@code make -k} so one failure does not stop
 * the rest, under a time limit; the verdict comes from FATE's own report files.
 */
public final class FateRun {
  /**
   * Enough for the minimal profile's ~780 tests at -O0 on 2 cores with room to spare (measured in
   * the README), small enough that a hung test cannot hold a build for long.
   */
  public static final Duration DEFAULT_LIMIT = Duration.ofMinutes(10);

  private FateRun() {}

  /**
   * Runs the tests in {@code buildDir} (where configure ran and {@code make ffmpeg} succeeded);
   * make's output goes to {@code log}. Tests not reached within {@code limit} count as skipped; a
   * zero limit runs none.
   */
  public static BuildManifest.Fate run(Path buildDir, int jobs, Duration limit, Path log) {
    ProcessRunner.Result list =
        ProcessRunner.captureWithEnv(
            List.of("make", "fate-list", "SAMPLES="), buildDir, Map.of(), Duration.ofMinutes(2));
    if (!list.ok()) {
      throw new IllegalStateException(
          "make fate-list failed (exit " + list.exitCode() + "): " + list.output());
    }
    List<String> tests = FateReports.listed(list.output());
    long start = System.nanoTime();
    boolean timedOut = false;
    if (!tests.isEmpty() && !limit.isZero()) {
      List<String> argv = new ArrayList<>(List.of("make", "-k", "-j" + jobs, "SAMPLES="));
      tests.forEach(t -> argv.add("fate-" + t));
      // Exit status is ignored on purpose: failures are counted from the reports.
      timedOut =
          ProcessRunner.loggedWithin(argv, buildDir, Map.of(), log, line -> {}, limit).timedOut();
    }
    double seconds = Math.round((System.nanoTime() - start) / 1e8) / 10.0;
    return FateReports.summarise(
        tests, reports(buildDir.resolve("tests/data/fate")), seconds, limit.toSeconds(), timedOut);
  }

  /** Test name to its report line, for every report FATE wrote. */
  static Map<String, String> reports(Path dir) {
    Map<String, String> reports = new HashMap<>();
    if (!Files.isDirectory(dir)) {
      return reports;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        String name = f.getFileName().toString();
        if (name.endsWith(".rep")) {
          String text = Files.readString(f, StandardCharsets.UTF_8);
          reports.put(name.substring(0, name.length() - 4), text);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read FATE's reports in " + dir, e);
    }
    return reports;
  }
}
