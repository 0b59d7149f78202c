package dev.optbench.harness.metrics.collect;

import static dev.optbench.harness.metrics.MetricSchema.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.optbench.harness.metrics.CollectorSession;
import dev.optbench.harness.metrics.MeasurementTarget;
import dev.optbench.harness.metrics.Sample;
import dev.optbench.harness.testing.RecordingSink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sampling loop on a fake v2 tree: timing, tags, batches, last sample, removal mid-run. */
class CgroupCollectorTest {
  @TempDir Path root;
  private Path dir;
  private MeasurementTarget target;

  @BeforeEach
  void writeTree() throws IOException {
    dir = Files.createDirectories(root.resolve("optbench-x"));
    Files.writeString(dir.resolve("cpu.stat"), "usage_usec 10\nuser_usec 6\nsystem_usec 4\n");
    Files.writeString(dir.resolve("memory.current"), "4096\n");
    target = new MeasurementTarget("ffmpeg-O2", Optional.empty(), Map.of("unified", dir));
  }

  @Test
  void samplesEveryIntervalWithTagsAndTakesALastSampleOnClose() throws Exception {
    RecordingSink sink = new RecordingSink();
    long started = System.nanoTime();
    CollectorSession session =
        new CgroupCollector(5)
            .attach(
                target, Duration.ofMillis(20), sink, Map.of(TAG_VARIANT, "O2", TAG_MACHINE, "m1"));
    Thread.sleep(300);
    session.setUnit("scale-640");
    // Atomically, as the kernel updates it: a truncate-then-write lets the sampler read an empty
    // cpu.stat mid-write and take a memory sample without a CPU one (seen in CI).
    Path next = dir.resolve("cpu.stat.next");
    Files.writeString(next, "usage_usec 99\nuser_usec 60\nsystem_usec 39\n");
    Files.move(next, dir.resolve("cpu.stat"), StandardCopyOption.ATOMIC_MOVE);
    Thread.sleep(200);
    session.close();
    long elapsedMs = (System.nanoTime() - started) / 1_000_000;
    session.close(); // idempotent

    List<Sample> cpu = sink.samples(CPU_USAGE_TOTAL);
    // One per 20 ms of the time that really passed (sleep overshoots on a loaded machine), the
    // first at 0 ms, plus the last one; a late tick may be skipped, never doubled.
    long expected = elapsedMs / 20 + 2;
    assertThat((long) cpu.size()).isBetween(expected / 2, expected);
    assertThat(cpu.get(cpu.size() - 1).value()).isEqualTo(99_000.0);
    assertThat(cpu).extracting(Sample::epochNanos).isSorted().doesNotHaveDuplicates();
    assertThat(cpu.get(0).tags())
        .containsEntry(TAG_CONTAINER, "ffmpeg-O2")
        .containsEntry(TAG_MACHINE, "m1")
        .containsEntry(TAG_VARIANT, "O2")
        .doesNotContainKey(TAG_UNIT);
    assertThat(cpu.get(cpu.size() - 1).tags()).containsEntry(TAG_UNIT, "scale-640");
    assertThat(sink.samples(MEMORY_USAGE)).hasSameSizeAs(cpu);
    assertThat(sink.batches().size()).isGreaterThan(3); // batched, not all at close
    assertThat(sink.closed()).as("the session does not own the sink").isFalse();
  }

  @Test
  void endsQuietlyWhenTheCgroupIsRemovedMidRun() throws Exception {
    RecordingSink sink = new RecordingSink();
    CollectorSession session =
        new CgroupCollector(1000).attach(target, Duration.ofMillis(10), sink, Map.of());
    Thread.sleep(100);
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
    Thread.sleep(100);
    int before = sink.samples().size();
    assertThat(before).as("handed over as soon as the cgroup went away").isPositive();
    session.close();
    assertThat(sink.samples()).hasSize(before);
  }
}
