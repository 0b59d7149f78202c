package dev.optbench.benchmarks.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optbench.harness.engine.EngineSpec;
import dev.optbench.harness.engine.EngineSpecs;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A named engine as the plan carries it to the sandboxes (and to JMH's forks) and back. */
class RunPlanEngineTest {
  @Test
  void anEnginesCadvisorAndCpusetSurviveThePlanAndItsJson() throws Exception {
    EngineSpec spec =
        EngineSpecs.of(List.of("a=tcp://10.0.0.2:2376,cpus=1,cadvisor=http://10.0.0.2:8080"), null)
            .get(0);

    RunPlan.Engine engine = RunPlan.Engine.of(spec);
    RunPlan.Engine read =
        AtomicJson.MAPPER.readValue(
            AtomicJson.MAPPER.writeValueAsString(engine), RunPlan.Engine.class);

    assertThat(read).isEqualTo(engine);
    assertThat(read.spec()).isEqualTo(spec);
    assertThat(read.cadvisorOr(Optional.of(URI.create("http://127.0.0.1:8080"))))
        .as("the engine's own before the run's --cadvisor")
        .contains(URI.create("http://10.0.0.2:8080"));
  }

  @Test
  void anEngineWithoutOneTakesTheRunsCadvisorOrNone() throws Exception {
    RunPlan.Engine engine =
        AtomicJson.MAPPER.readValue(
            "{\"name\": \"b\", \"url\": \"tcp://10.0.0.3:2376\"}", RunPlan.Engine.class);

    assertThat(engine.cadvisor()).as("a plan written before cadvisor= reads as none").isEmpty();
    assertThat(engine.spec().cadvisor()).isEmpty();
    assertThat(engine.cadvisorOr(Optional.of(URI.create("http://127.0.0.1:8080"))))
        .contains(URI.create("http://127.0.0.1:8080"));
    assertThat(engine.cadvisorOr(Optional.empty())).isEmpty();
  }
}
