package dev.optbench.benchmarks.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optbench.harness.runtime.ContainerRuntime;
import dev.optbench.harness.runtime.ContainerRuntimeProvider;
import dev.optbench.harness.runtime.ContainerRuntimeProvider.Availability;
import dev.optbench.harness.runtime.RuntimeSelector;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which runtime lines the doctor prints, with fake providers. */
class RuntimeCheckTest {

  private static ContainerRuntimeProvider provider(
      String name, int priority, Availability availability) {
    return new ContainerRuntimeProvider() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public int priority() {
        return priority;
      }

      @Override
      public Availability availability() {
        return availability;
      }

      @Override
      public ContainerRuntime create() {
        throw new AssertionError("the doctor must not create a runtime");
      }
    };
  }

  private static final Availability DOCKER_UP =
      Availability.yes("Docker 20.10.24 (API 1.41) at unix:///x.sock");
  private static final Availability DOCKER_DOWN =
      Availability.no("No Docker engine answers at unix:///var/run/docker.sock: start dockerd");
  private static final Availability CGROUP_RO =
      Availability.no("cgroup v2: /sys/fs/cgroup is not writable (run as root)");
  private static final Availability PROCESS = Availability.yes("plain processes");

  private static List<Finding> check(ContainerRuntimeProvider... providers) {
    return new RuntimeCheck(new RuntimeSelector(List.of(providers))).run();
  }

  @Test
  void anAnsweringDockerEngineIsOkAndChosen() {
    List<Finding> f =
        check(
            provider("process", 100, PROCESS),
            provider("docker", 300, DOCKER_UP),
            provider("cgroup", 200, CGROUP_RO));

    assertThat(f.get(0).line())
        .isEqualTo("ok    runtime docker: Docker 20.10.24 (API 1.41) at unix:///x.sock");
    assertThat(f.get(1).verdict()).isEqualTo(Verdict.WARN);
    assertThat(f.get(1).fix()).contains("not writable").endsWith("(docker is used)");
    assertThat(f.get(f.size() - 1).line()).startsWith("ok    runtime chosen: docker");
    assertThat(Doctor.exitCode(f)).isEqualTo(Doctor.HEALTHY);
  }

  @Test
  void fallingBackToPlainProcessesIsAWarningWithEachReason() {
    List<Finding> f =
        check(
            provider("docker", 300, DOCKER_DOWN),
            provider("cgroup", 200, CGROUP_RO),
            provider("process", 100, PROCESS));

    assertThat(f.get(0).line())
        .isEqualTo(
            "warn  runtime docker: unavailable  — No Docker engine answers at"
                + " unix:///var/run/docker.sock: start dockerd (process is used)");
    Finding chosen = f.get(f.size() - 1);
    assertThat(chosen.verdict()).isEqualTo(Verdict.WARN);
    assertThat(chosen.what()).startsWith("runtime chosen: process");
    assertThat(chosen.fix()).contains("limits not enforced");
    assertThat(Doctor.exitCode(f)).isEqualTo(Doctor.HEALTHY);
  }

  @Test
  void noRuntimeAtAllIsAFail() {
    List<Finding> f = check(provider("docker", 300, DOCKER_DOWN));

    assertThat(f).hasSize(1);
    assertThat(f.get(0).verdict()).isEqualTo(Verdict.FAIL);
    assertThat(f.get(0).fix()).contains("start dockerd");
  }
}
