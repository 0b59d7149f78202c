package dev.optbench.benchmarks.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.optbench.benchmarks.Main;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code optbench run --cadvisor URL} with the cgroup runtime and the real O2 build, against a
 * cAdvisor REST API v2.0 served from 127.0.0.1: the harness's cAdvisor fixture (see
 * harness/src/test/resources/cadvisor/README.md) with a fresh timestamp per poll, so every poll is
 * a new reading. The series must land in the run's line-protocol file with the run's tags, asked
 * for by the sandbox's cgroup name.
 */
class RunCadvisorIT {
  @TempDir Path out;

  private HttpServer server;
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private String fixture;

  @BeforeEach
  void startCadvisor() throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/cadvisor/stats-1.json")) {
      fixture = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/api/v2.0/version", e -> answer(e, "\"0.47.2\""));
    server.createContext(
        "/api/v2.0/stats/",
        e -> {
          requests.add(e.getRequestURI().toString());
          answer(e, fixture.replaceAll("\"timestamp\": \"[^\"]+\"", stamp()));
        });
    server.start();
  }

  private static String stamp() {
    return "\"timestamp\": \"" + Instant.now() + "\"";
  }

  private static void answer(HttpExchange exchange, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream o = exchange.getResponseBody()) {
      o.write(bytes);
    }
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private int run(String... args) {
    CommandLine cl = Main.commandLine();
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err, true));
    int exit = cl.execute(args);
    if (exit != 0) {
      System.err.println(err);
    }
    return exit;
  }

  @Test
  void theSeriesComeFromCadvisorIntoTheRunsFile() throws Exception {
    String url = "http://127.0.0.1:" + server.getAddress().getPort();
    int exit =
        run(
            "run",
            "--variant",
            "O2",
            "--runtime",
            "cgroup",
            "--cadvisor",
            url,
            "-n",
            "1",
            "--out",
            out.toString(),
            "--",
            "ffmpeg",
            "-hide_banner",
            "-f",
            "lavfi",
            "-i",
            "testsrc2=duration=30:size=320x240:rate=25",
            "-c:v",
            "mpeg4",
            "-f",
            "null",
            "-");
    assertThat(exit).isZero();
    assertThat(requests).isNotEmpty();
    assertThat(requests.get(0))
        .matches(
            // the run's cgroup folder: <run-id>@<pid>-<start-ms>, or the run id alone
            // (RunCgroupName)
            "/api/v2.0/stats/optbench/run-[0-9T]+(@[0-9]+-[0-9]+)?/O2\\?type=name.*");
    Path lp;
    try (Stream<Path> files = Files.list(out)) {
      lp =
          files
              .filter(f -> f.toString().endsWith(".lp"))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no .lp file in " + out));
    }
    List<String> cpu =
        Files.readAllLines(lp).stream().filter(l -> l.startsWith("cpu_usage_total,")).toList();
    // 30 s of media: about half a second on O2, several polls (3 s ran 56 ms on a fast machine:
    // one poll during the unit and the last one, and the test failed)
    assertThat(cpu).hasSizeGreaterThan(2);
    assertThat(cpu.get(0))
        .contains("variant=O2")
        .contains("engine=cgroup")
        .contains("run_id=run-")
        .contains("value=1523456789");
  }

  @Test
  void aCadvisorThatDoesNotAnswerIsBadInputBeforeAnyWork() {
    server.stop(0);
    String url = "http://127.0.0.1:" + server.getAddress().getPort();
    assertThat(run("run", "--cadvisor", url, "--out", out.toString(), "--", "ffmpeg", "-h"))
        .isEqualTo(2);
    assertThat(run("run", "--cadvisor", "ftp://x", "--out", out.toString(), "--", "ffmpeg"))
        .isEqualTo(2);
    assertThat(out).isEmptyDirectory();
  }
}
