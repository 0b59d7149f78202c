package dev.optbench.harness.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.optbench.harness.model.VariantRef;
import dev.optbench.harness.runtime.ContainerRuntimeProvider.Availability;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RuntimeSelectorTest {
  record Fake(String name, int priority, Availability availability)
      implements ContainerRuntimeProvider {
    @Override
    public ContainerRuntime create() {
      return new ContainerRuntime() {
        @Override
        public String name() {
          return Fake.this.name;
        }

        @Override
        public Sandbox open(VariantRef variant, SandboxLimits limits) {
          throw new UnsupportedOperationException("not needed by these tests");
        }
      };
    }
  }

  private final RuntimeSelector selector =
      new RuntimeSelector(
          List.of(
              new Fake("process", 100, Availability.yes("always")),
              new Fake("docker", 300, Availability.no("no engine at unix:///x")),
              new Fake("cgroup", 200, Availability.yes("cgroup v1"))));

  @Test
  void picksTheHighestAvailableAndKeepsEveryReason() {
    RuntimeSelector.Choice choice = selector.select(Optional.empty());
    assertThat(choice.provider().name()).isEqualTo("cgroup");
    assertThat(choice.reasons()).containsOnlyKeys("docker", "cgroup", "process");
    assertThat(choice.reasons().keySet()).containsExactly("docker", "cgroup", "process");
    assertThat(choice.describe())
        .contains("  docker: unavailable: no engine at unix:///x")
        .contains("* cgroup: available: cgroup v1");
  }

  @Test
  void aForcedRuntimeWinsIfAvailableAndFailsLoudlyIfNot() {
    assertThat(selector.select(Optional.of("process")).provider().name()).isEqualTo("process");
    assertThatThrownBy(() -> selector.select(Optional.of("docker")))
        .isInstanceOf(RuntimeUnavailableException.class)
        .as("the forced runtime's reason alone, on one line")
        .hasMessage("runtime 'docker' is not available: no engine at unix:///x");
    assertThatThrownBy(() -> selector.select(Optional.of("podman")))
        .hasMessageContaining("unknown runtime 'podman'")
        .hasMessageContaining("[docker, cgroup, process]");
  }

  @Test
  void findsTheRuntimesOnTheClassPath() {
    RuntimeSelector.Choice choice = RuntimeSelector.fromServiceLoader().select(Optional.empty());
    assertThat(choice.reasons()).containsKeys("cgroup", "process");
    assertThat(choice.reasons().get("process").available()).isTrue();
    assertThat(choice.reasons().get("process").reason()).contains("NOT enforced");
  }
}
