package dev.optbench.results.report;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Headless Chromium driven by its command line: {@code --dump-dom} gives the DOM after load, {@code
 * --enable-logging=stderr} prints every console message as a {@code CONSOLE} line. Missing Chromium
 * skips the test on a developer machine and fails it in CI (OPTBENCH_REQUIRE_SERVICES=true), so CI
 * cannot go green by skipping.
 */
public final class Chromium {
  /** What a page load produced: the serialised DOM and the console lines. */
  public record Load(String dom, List<String> console) {}

  private final Path binary;
  private final Path workDir;

  private Chromium(Path binary, Path workDir) {
    this.binary = binary;
    this.workDir = workDir;
  }

  public static Chromium find(Path workDir) {
    String configured = System.getenv("OPTBENCH_CHROMIUM");
    for (String candidate :
        new String[] {configured, "/usr/bin/chromium", "/usr/bin/chromium-browser"}) {
      if (candidate != null && Files.isExecutable(Path.of(candidate))) {
        return new Chromium(Path.of(candidate), workDir);
      }
    }
    String message =
        "Chromium is not available (apt-get install chromium, or set OPTBENCH_CHROMIUM; as root,"
            + " ./test.sh installs it)";
    if (Boolean.parseBoolean(System.getenv("OPTBENCH_REQUIRE_SERVICES"))) {
      fail(message + " (OPTBENCH_REQUIRE_SERVICES=true, so this is a failure)");
    }
    abort(message);
    throw new IllegalStateException("unreachable");
  }

  public Load load(Path page) throws IOException, InterruptedException {
    Path stdout = workDir.resolve("dom.html");
    Path stderr = workDir.resolve("chromium.log");
    run(
        List.of("--enable-logging=stderr", "--v=0", "--dump-dom", page.toUri().toString()),
        stdout,
        stderr);
    List<String> console = new ArrayList<>();
    for (String line : Files.readAllLines(stderr, StandardCharsets.UTF_8)) {
      if (line.matches(".*:CONSOLE[:(].*")) {
        console.add(line);
      }
    }
    return new Load(Files.readString(stdout, StandardCharsets.UTF_8), console);
  }

  public void screenshot(Path page, Path png, int width, int height)
      throws IOException, InterruptedException {
    run(
        List.of(
            "--screenshot=" + png.toAbsolutePath(),
            "--window-size=" + width + "," + height,
            "--hide-scrollbars",
            page.toUri().toString()),
        workDir.resolve("screenshot.out"),
        workDir.resolve("screenshot.log"));
  }

  private void run(List<String> args, Path stdout, Path stderr)
      throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                binary.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--user-data-dir=" + Files.createTempDirectory(workDir, "profile")));
    command.addAll(args);
    Process p =
        new ProcessBuilder(command)
            .redirectOutput(stdout.toFile())
            .redirectError(stderr.toFile())
            .start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("Chromium did not finish within 120 s: " + command);
    }
    if (p.exitValue() != 0) {
      throw new IOException("Chromium exited with " + p.exitValue() + "; see " + stderr);
    }
  }
}
