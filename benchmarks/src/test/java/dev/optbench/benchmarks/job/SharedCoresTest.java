package dev.optbench.benchmarks.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SharedCoresTest {
  @Test
  void twoEnginesOfOneHostOnTheSameCoreAreNamedWithTheCore() {
    Map<String, String> cpus = new LinkedHashMap<>();
    cpus.put("a", "0-1");
    cpus.put("b", "1");
    cpus.put("c", "0");

    assertThat(SharedCores.warnings(Map.of("a", "box", "b", "box", "c", "other"), cpus))
        .containsExactly(
            "engines a and b run on one machine (box) and both pin units to CPU 1: their units"
                + " will take turns there and slow each other; give each engine its own CPUs,"
                + " e.g. --engine b=URL,cpus=N");
  }

  @Test
  void ownCoresOrOtherHostsOrUnknownHostsAreNoWarning() {
    Map<String, String> split = new LinkedHashMap<>();
    split.put("a", "0");
    split.put("b", "1");
    Map<String, String> same = new LinkedHashMap<>();
    same.put("a", "0");
    same.put("b", "0");

    assertThat(SharedCores.warnings(Map.of("a", "box", "b", "box"), split)).isEmpty();
    assertThat(SharedCores.warnings(Map.of("a", "box1", "b", "box2"), same)).isEmpty();
    assertThat(SharedCores.warnings(Map.of("a", "", "b", ""), same)).isEmpty();
  }
}
