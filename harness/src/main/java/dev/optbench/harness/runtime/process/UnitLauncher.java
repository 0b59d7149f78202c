package dev.optbench.harness.runtime.process;

import dev.optbench.harness.exec.ExecReport;
import dev.optbench.harness.runtime.RuntimeUnavailableException;
import dev.optbench.harness.runtime.UnitUser;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs one unit on the host through optbench-exec: {@code optbench-exec [helperOptions] [--user
 * UID:GID] --report FILE -- PROGRAM ARGS...}, never through a shell, never as root (see {@link
 * UnitUser}) and with an environment of its own: the JVM's may hold secrets (InfluxDB credentials)
 * that a unit must not see. Stdin is /dev/null (ffmpeg would otherwise read keystrokes from it);
 * output is drained into tails. Shared by the process and cgroup runtimes.
 */
public final class UnitLauncher {
  /** How long the helper gets to report after its child was killed. */
  static final Duration REPORT_GRACE = Duration.ofSeconds(10);

  /** All a unit's environment: ffmpeg needs none, and C number formatting stays the same. */
  static final Map<String, String> UNIT_ENVIRONMENT =
      Map.of("PATH", "/usr/local/bin:/usr/bin:/bin", "LC_ALL", "C");

  private UnitLauncher() {}

  /**
   * What the helper reported plus the output tails.
   *
   * @param timedOut the unit ran past its timeout and {@code kill} was called
   */
  public record Outcome(
      ExecReport report, String stdoutTail, String stderrTail, boolean timedOut) {}

  /**
   * @param kill kills the unit (not the helper: it must survive to report) when the timeout passes
   * @param started told the helper's Process as soon as it runs, so a close() can kill it
   */
  public static Outcome run(
      Path helper,
      List<String> helperOptions,
      Path program,
      List<String> args,
      Path workDir,
      Duration timeout,
      Consumer<Process> kill,
      Consumer<Process> started) {
    Path report = null;
    Process process = null;
    try {
      report = Files.createTempFile("optbench-unit", ".json");
      List<String> cmd = new ArrayList<>();
      cmd.add(helper.toString());
      cmd.addAll(helperOptions);
      cmd.addAll(UnitUser.forHostUnits().helperOptions());
      cmd.addAll(List.of("--report", report.toString(), "--", program.toString()));
      cmd.addAll(args);
      ProcessBuilder builder =
          new ProcessBuilder(cmd)
              .directory(workDir.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
      builder.environment().clear();
      builder.environment().putAll(UNIT_ENVIRONMENT);
      process = builder.start();
      started.accept(process);
      OutputTail out = new OutputTail(process.getInputStream(), "unit-stdout");
      OutputTail err = new OutputTail(process.getErrorStream(), "unit-stderr");
      boolean timedOut = !process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (timedOut) {
        kill.accept(process);
        if (!process.waitFor(REPORT_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
          process.destroyForcibly();
          throw new IllegalStateException(
              "the unit did not stop within " + REPORT_GRACE + " of being killed: " + cmd);
        }
      }
      String stdout = out.await(1000);
      String stderr = err.await(1000);
      String json = Files.readString(report).strip();
      if (json.isEmpty()) {
        throw new IllegalStateException(
            "optbench-exec (exit " + process.exitValue() + ") wrote no report; stderr: " + stderr);
      }
      ExecReport exec = ExecReport.parse(json);
      if (!exec.error().isEmpty()) {
        throw new RuntimeUnavailableException(
            exec.error() + " while starting " + program + "; " + stderr.strip());
      }
      return new Outcome(exec, stdout, stderr, timedOut);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + helper + " for " + program, e);
    } catch (InterruptedException e) {
      if (process != null) {
        kill.accept(process); // nobody waits for the unit any more: it must not run on
        process.destroyForcibly();
      }
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + program, e);
    } finally {
      deleteQuietly(report);
    }
  }

  private static void deleteQuietly(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        // a leftover temp file is harmless
      }
    }
  }
}
