package dev.optbench.benchmarks.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optbench.harness.workload.WorkloadFile;
import dev.optbench.harness.workload.WorkloadUnit;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkloadChoiceTest {
  @TempDir Path tmp;

  @Test
  void picksRoundRobinOverTemplatesSoEveryKindOfWorkShows() throws Exception {
    List<WorkloadUnit> units =
        List.of(
            TestWorkloads.encode("e1", 1),
            TestWorkloads.encode("e2", 1),
            TestWorkloads.encode("e3", 1),
            TestWorkloads.twoPass("t1"));
    WorkloadFile w = WorkloadChoice.read(TestWorkloads.write(tmp.resolve("w.json"), units));
    assertThat(WorkloadChoice.pick(w, 2)).extracting(WorkloadUnit::id).containsExactly("e1", "t1");
    assertThat(WorkloadChoice.pick(w, 3))
        .extracting(WorkloadUnit::id)
        .containsExactly("e1", "t1", "e2");
    assertThat(WorkloadChoice.pick(w, 10)).hasSize(4);
  }
}
