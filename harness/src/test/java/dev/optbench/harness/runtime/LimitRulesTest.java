package dev.optbench.harness.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.BitSet;
import org.junit.jupiter.api.Test;

class LimitRulesTest {
  private static final Duration S = Duration.ofSeconds(1);

  private static BitSet cpus(int from, int to) {
    BitSet b = new BitSet();
    b.set(from, to + 1);
    return b;
  }

  @Test
  void cpusetMustBeWithinTheAllowedSet() {
    assertThatCode(() -> LimitRules.checkCpuset("0-1", cpus(0, 1))).doesNotThrowAnyException();
    assertThatCode(() -> LimitRules.checkCpuset("", cpus(0, 1))).doesNotThrowAnyException();
    assertThatThrownBy(() -> LimitRules.checkCpuset("99", cpus(0, 1)))
        .hasMessage(
            "--cpuset 99 names CPUs this process may not use; pick from 0,1 (this process's"
                + " allowed CPUs)");
    assertThatThrownBy(() -> LimitRules.checkCpuset("0-2", cpus(0, 1)))
        .hasMessageContaining("pick from 0,1");
    assertThatThrownBy(() -> LimitRules.checkCpuset("a-b", cpus(0, 1)))
        .hasMessageContaining("is not a CPU list");
  }

  @Test
  void theAllowedSetIsThisProcesssAffinity() {
    BitSet allowed = LimitRules.allowedCpus();
    assertThat(allowed.cardinality()).isEqualTo(Runtime.getRuntime().availableProcessors());
  }

  @Test
  void memoryTimeoutAndIntervalHaveFloors() {
    assertThatCode(() -> LimitRules.check("", 6L << 20, S, S)).doesNotThrowAnyException();
    assertThatThrownBy(() -> LimitRules.check("", 1024, S, S))
        .hasMessageContaining("--memory 1024 bytes is below")
        .hasMessageContaining("6m");
    assertThatThrownBy(() -> LimitRules.check("", 1L << 30, Duration.ZERO, S))
        .hasMessage("--timeout must be more than zero; give e.g. --timeout 10m");
    assertThatThrownBy(() -> LimitRules.check("", 1L << 30, S, Duration.ZERO))
        .hasMessage("--interval must be more than zero; give e.g. --interval 100ms");
  }
}
