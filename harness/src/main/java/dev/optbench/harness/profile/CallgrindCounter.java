package dev.optbench.harness.profile;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Counts with valgrind's callgrind on the host: the variant's own program and argv, in a work
 * folder of its own, as an unprivileged user. Instruction counts of a single-threaded command are
 * exact and repeat to a few in a million (the simulated CPU does not depend on the machine's load);
 * the {@code callgrind.out} file is kept for {@code callgrind_annotate} and KCachegrind. It runs on
 * the host because the variants' {@code FROM scratch} images have no valgrind.
 */
public final class CallgrindCounter implements InstructionCounter {
  static final Path VALGRIND = Path.of("/usr/bin/valgrind");

  @Override
  public String name() {
    return "callgrind";
  }

  @Override
  public Availability availability() {
    return Files.isExecutable(VALGRIND)
        ? new Availability(true, "valgrind's callgrind at " + VALGRIND)
        : new Availability(false, "no " + VALGRIND + ": install Debian's valgrind package");
  }

  @Override
  public Count count(
      Path program, List<String> args, Path workDir, Path profileOut, Duration timeout) {
    try {
      Unprivileged.handOver(workDir);
      Path runnable = Unprivileged.reachable(program, workDir);
      Path out = workDir.resolve("callgrind.out.optbench");
      List<String> argv = new ArrayList<>();
      argv.addAll(
          List.of(
              VALGRIND.toString(),
              "--tool=callgrind",
              "--quiet",
              "--callgrind-out-file=" + out,
              runnable.toString()));
      argv.addAll(args);
      Process p =
          new ProcessBuilder(Unprivileged.argv(argv))
              .directory(workDir.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectError(workDir.resolve("valgrind.stderr").toFile())
              .start();
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly().waitFor();
        throw new CountFailedException(
            "callgrind did not finish within " + timeout + " (it runs ~40x slower than native)");
      }
      if (p.exitValue() != 0 || !Files.isRegularFile(out)) {
        String err = Files.readString(workDir.resolve("valgrind.stderr")).strip();
        throw new CountFailedException(
            "under callgrind the command exited "
                + p.exitValue()
                + ": "
                + err.lines().reduce((a, b) -> b).orElse("(no output)"));
      }
      Files.createDirectories(profileOut.toAbsolutePath().getParent());
      Files.move(out, profileOut, StandardCopyOption.REPLACE_EXISTING);
      FunctionProfile profile = CallgrindFile.read(profileOut);
      return new Count(profile.total(), profile, "callgrind on the host " + Unprivileged.who());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CountFailedException("interrupted while counting instructions");
    }
  }
}
