package dev.optbench.harness.runtime.cgroup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CgroupRuntimeTest {
  @Test
  void runtimeNamesCgroupsSafely() {
    assertThat(CgroupRuntime.safe("O2 -march=native/x")).isEqualTo("O2_-march_native_x");
    assertThat(CgroupRuntime.safe("..")).isEqualTo("_..");
  }
}
