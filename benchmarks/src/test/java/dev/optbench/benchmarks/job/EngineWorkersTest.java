package dev.optbench.benchmarks.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EngineWorkersTest {
  @Test
  void oneEngineRunsItsLaneInTheCallersThread() {
    try (EngineWorkers workers = new EngineWorkers(List.of(""))) {
      Map<String, String> done = workers.runAll(Map.of("", () -> Thread.currentThread().getName()));

      assertThat(done).containsExactly(Map.entry("", Thread.currentThread().getName()));
    }
  }

  @Test
  void twoEnginesRunTheirLanesAtOnceAndTheCallWaitsForBoth() {
    // each lane waits until the other has started: only lanes running side by side finish
    CountDownLatch bothStarted = new CountDownLatch(2);
    Callable<String> lane =
        () -> {
          bothStarted.countDown();
          assertThat(bothStarted.await(10, TimeUnit.SECONDS)).as("the other lane started").isTrue();
          Thread.sleep(50);
          return Thread.currentThread().getName();
        };
    Map<String, Callable<String>> lanes = new LinkedHashMap<>();
    lanes.put("a", lane);
    lanes.put("b", lane);

    try (EngineWorkers workers = new EngineWorkers(List.of("a", "b"))) {
      Map<String, String> done = workers.runAll(lanes);

      assertThat(done)
          .containsExactly(
              Map.entry("a", "optbench-engine-a"), Map.entry("b", "optbench-engine-b"));
      assertThat(workers.stopping()).isFalse();
    }
  }

  @Test
  void aFailingLaneStopsTheOthersAtTheirNextPairAndIsThrownAfterTheyStopped() {
    AtomicInteger pairsOnB = new AtomicInteger();
    AtomicInteger bEnded = new AtomicInteger();
    CountDownLatch bRunning = new CountDownLatch(1);
    try (EngineWorkers workers = new EngineWorkers(List.of("a", "b"))) {
      Map<String, Callable<Integer>> lanes = new LinkedHashMap<>();
      lanes.put(
          "a",
          () -> {
            bRunning.await(10, TimeUnit.SECONDS);
            throw new IllegalStateException("unit broke on a");
          });
      lanes.put(
          "b",
          () -> {
            for (int pair = 0; pair < 1000 && !workers.stopping(); pair++) {
              pairsOnB.incrementAndGet();
              bRunning.countDown();
              Thread.sleep(5);
            }
            bEnded.incrementAndGet();
            return pairsOnB.get();
          });

      assertThatThrownBy(() -> workers.runAll(lanes)).hasMessage("unit broke on a");
      assertThat(bEnded).as("b had ended when the failure was thrown").hasValue(1);
      assertThat(pairsOnB.get()).as("b stopped early").isLessThan(1000);
      assertThat(workers.stopping()).isTrue();
    }
  }
}
