package dev.optbench.benchmarks.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optbench.benchmarks.Main;
import dev.optbench.harness.runtime.RuntimeUnavailableException;
import dev.optbench.harness.runtime.docker.DockerEngine;
import dev.optbench.harness.testing.Services;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** `optbench doctor` on this machine, with the services `.ci/services.sh` starts. */
class DoctorCommandIT {
  @TempDir Path cache;

  private record Run(int exit, List<String> lines) {
    String line(String what) {
      return lines.stream()
          .filter(l -> l.substring(Math.min(6, l.length())).startsWith(what))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no line about '" + what + "' in:\n" + this));
    }

    boolean anyFail() {
      return lines.stream().anyMatch(l -> l.startsWith("FAIL"));
    }

    @Override
    public String toString() {
      return String.join("\n", lines);
    }
  }

  private Run doctor(String... args) {
    StringWriter out = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(out, true));
    String[] all = new String[args.length + 3];
    all[0] = "doctor";
    all[1] = "--cache";
    all[2] = cache.toString();
    System.arraycopy(args, 0, all, 3, args.length);
    int exit = cl.execute(all);
    return new Run(exit, out.toString().lines().toList());
  }

  @Test
  void theDockerLineIsOkWhenDockerHostAnswers() {
    String host = Services.dockerHost();
    try (DockerEngine engine = DockerEngine.connect(host)) {
      assertThat(engine.version()).isNotBlank();
    } catch (RuntimeUnavailableException e) {
      Services.missing("the Docker engine at " + host + " (" + e.getMessage() + ")");
    }

    Run r = doctor();

    assertThat(r.line("runtime docker"))
        .startsWith("ok    runtime docker: Docker ")
        .contains(" at " + host + "; units at the top CPU weight (in their own cgroups");
    assertThat(r.line("runtime chosen")).startsWith("ok    runtime chosen: docker");
    // This machine builds ffmpeg in other ITs, so its gcc must link statically.
    assertThat(r.line("gcc")).startsWith("ok").endsWith("links static programs");
    assertThat(r.line("build cache")).startsWith("ok").contains(cache.toString());
    assertThat(r.exit()).as(r.toString()).isEqualTo(r.anyFail() ? 1 : 0);
  }

  @Test
  void aLiveInfluxDbIsOk() {
    String url = Services.influxUrl();

    Run r = doctor("--influx", url);

    assertThat(r.line("InfluxDB")).startsWith("ok").contains(url).endsWith("answers /ping");
  }

  @Test
  void aDeadInfluxUrlIsAFailWithWhatToDoAndExitOne() {
    Run r = doctor("--influx", "http://127.0.0.1:1");

    assertThat(r.exit()).as(r.toString()).isEqualTo(1);
    assertThat(r.line("InfluxDB"))
        .startsWith("FAIL  InfluxDB http://127.0.0.1:1 (from --influx): does not answer  — ")
        .contains("Start InfluxDB 1.x there, correct --influx, or leave it out");
    assertThat(r.lines()).last().asString().doesNotStartWith("0 FAIL").contains("fix the FAIL");
  }
}
