package dev.optbench.build.proc;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs build tools as argv lists (never through a shell), with a timeout, optional stdin, and
 * output captured to memory or appended to a log file line by line (so a progress listener can
 * follow {@code make}).
 */
public final class ProcessRunner {
  private ProcessRunner() {}

  /** Result of a finished command. */
  public record Result(int exitCode, String output, boolean timedOut) {
    public boolean ok() {
      return exitCode == 0 && !timedOut;
    }

    Result withOutput(String text) {
      return new Result(exitCode, text, timedOut);
    }
  }

  /** Runs and captures stdout+stderr in memory; for short commands. */
  public static Result capture(List<String> argv, Path dir, String stdin, Duration timeout) {
    StringBuilder out = new StringBuilder();
    return run(argv, dir, Map.of(), stdin, timeout, null, line -> out.append(line).append('\n'))
        .withOutput(out.toString());
  }

  /** As {@link #capture(List, Path, String, Duration)}, with variables added to the environment. */
  public static Result captureWithEnv(
      List<String> argv, Path dir, Map<String, String> env, Duration timeout) {
    StringBuilder out = new StringBuilder();
    return run(argv, dir, env, null, timeout, null, line -> out.append(line).append('\n'))
        .withOutput(out.toString());
  }

  /** Runs with stdout+stderr appended to {@code log}, each line also handed to {@code onLine}. */
  public static Result logged(
      List<String> argv, Path dir, Map<String, String> env, Path log, Consumer<String> onLine) {
    return run(argv, dir, env, null, Duration.ofHours(4), log, onLine);
  }

  /** As {@link #logged}, stopped (with its children) after {@code timeout}. */
  public static Result loggedWithin(
      List<String> argv,
      Path dir,
      Map<String, String> env,
      Path log,
      Consumer<String> onLine,
      Duration timeout) {
    return run(argv, dir, env, null, timeout, log, onLine);
  }

  private static Result run(
      List<String> argv,
      Path dir,
      Map<String, String> env,
      String stdin,
      Duration timeout,
      Path log,
      Consumer<String> onLine) {
    ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true);
    if (dir != null) {
      pb.directory(dir.toFile());
    }
    // configure, make and compilers need the user's environment, but never optbench's secrets
    pb.environment().keySet().removeIf(name -> name.startsWith("OPTBENCH_INFLUX_"));
    pb.environment().putAll(env);
    pb.environment().put("LC_ALL", "C"); // tool messages we parse must not be translated
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      return new Result(127, "cannot run " + argv.get(0) + ": " + e.getMessage(), false);
    }
    try (OutputStream in = p.getOutputStream()) {
      if (stdin != null) {
        in.write(stdin.getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      // The program may exit without reading its input; its exit code tells what happened.
    }
    Thread pump = new Thread(() -> pump(p.getInputStream(), log, onLine), "output-" + argv.get(0));
    pump.setDaemon(true);
    pump.start();
    try {
      boolean done = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (!done) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        p.waitFor();
      }
      pump.join();
      return new Result(done ? p.exitValue() : -1, "", !done);
    } catch (InterruptedException e) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + argv.get(0), e);
    }
  }

  private static void pump(InputStream from, Path log, Consumer<String> onLine) {
    try (var reader =
            new java.io.BufferedReader(
                new java.io.InputStreamReader(from, StandardCharsets.UTF_8));
        var writer =
            log == null
                ? null
                : Files.newBufferedWriter(
                    log,
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND)) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (writer != null) {
          writer.write(line);
          writer.newLine();
        }
        onLine.accept(line);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The last {@code n} lines of a log file, for error messages. */
  public static String tail(Path log, int n) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - n), lines.size()));
    } catch (IOException e) {
      return "(log " + log + " unreadable: " + e.getMessage() + ")";
    }
  }
}
