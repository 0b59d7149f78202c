package dev.optbench.harness.profile;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Counts with the CPU's own counter, {@code perf stat -x, -e instructions:u}: at native speed, the
 * total only (no per-function profile). Only where the kernel exposes hardware counters; in VMs
 * that withhold them perf prints {@code <not supported>} and this provider says it is unavailable.
 * Counts vary slightly between runs (interrupts, page faults on the user side), so the compare
 * gate's exact path applies only when they repeat.
 */
public final class PerfStatCounter implements InstructionCounter {
  private static final Path PERF = Path.of("/usr/bin/perf");
  private static final String EVENT = "instructions:u";

  @Override
  public String name() {
    return "perf";
  }

  @Override
  public Availability availability() {
    if (!Files.isExecutable(PERF)) {
      return new Availability(false, "no " + PERF + " (linux-perf)");
    }
    try {
      Path dir = Files.createTempDirectory("optbench-perf");
      try {
        long n = run(Path.of("/bin/true"), List.of(), dir, Duration.ofSeconds(20));
        return new Availability(
            n > 0, "perf stat -e " + EVENT + " counted " + n + " for /bin/true");
      } finally {
        Files.deleteIfExists(dir.resolve("perf.csv"));
        Files.deleteIfExists(dir);
      }
    } catch (CountFailedException e) {
      return new Availability(false, "perf has no hardware counters here: " + e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Count count(
      Path program, List<String> args, Path workDir, Path profileOut, Duration timeout) {
    long n = run(program, args, workDir, timeout);
    return new Count(n, FunctionProfile.EMPTY, "perf stat on the host " + Unprivileged.who());
  }

  private static long run(Path program, List<String> args, Path workDir, Duration timeout) {
    Path csv = workDir.resolve("perf.csv");
    List<String> argv = new ArrayList<>(List.of(PERF.toString(), "stat", "-x,", "-e", EVENT));
    argv.addAll(List.of("-o", csv.toString(), "--", program.toString()));
    argv.addAll(args);
    try {
      Unprivileged.handOver(workDir);
      Process p =
          new ProcessBuilder(Unprivileged.argv(argv))
              .directory(workDir.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly().waitFor();
        throw new CountFailedException("perf stat did not finish within " + timeout);
      }
      for (String line : Files.readAllLines(csv)) {
        String[] f = line.split(",");
        if (f.length > 2 && f[2].startsWith("instructions")) {
          if (!f[0].matches("\\d+")) {
            throw new CountFailedException("perf reports " + f[0] + " for " + EVENT);
          }
          if (p.exitValue() != 0) {
            throw new CountFailedException("the command exited " + p.exitValue() + " under perf");
          }
          return Long.parseLong(f[0]);
        }
      }
      throw new CountFailedException("perf stat wrote no " + EVENT + " line");
    } catch (IOException e) {
      throw new CountFailedException("perf stat could not run: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CountFailedException("interrupted while counting instructions");
    }
  }
}
