package dev.optbench.harness.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optbench.harness.metrics.Collector;
import dev.optbench.harness.metrics.CollectorSession;
import dev.optbench.harness.metrics.MeasurementTarget;
import dev.optbench.harness.metrics.MetricSchema;
import dev.optbench.harness.metrics.ResourceUsage;
import dev.optbench.harness.metrics.Sample;
import dev.optbench.harness.model.VariantRef;
import dev.optbench.harness.runtime.ContainerRuntime;
import dev.optbench.harness.runtime.Execution;
import dev.optbench.harness.runtime.Sandbox;
import dev.optbench.harness.runtime.SandboxLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The assembly with a scripted runtime: what runs, in which order, with which tags and files. */
class RunAssemblyTest {
  @TempDir Path dir;

  private final List<String> log = new ArrayList<>();
  private SandboxLimits opened;

  /** Exits with the number in argv[1]; a target with or without cgroup folders. */
  private ContainerRuntime runtime(Map<String, Path> cgroupDirs) {
    return runtime(cgroupDirs, Optional.empty(), Optional.empty());
  }

  /**
   * @param containerId the target's container, if any
   * @param engineCollector what the runtime offers for a container whose cgroups are elsewhere
   */
  private ContainerRuntime runtime(
      Map<String, Path> cgroupDirs,
      Optional<String> containerId,
      Optional<Collector> engineCollector) {
    return new ContainerRuntime() {
      @Override
      public Optional<Collector> engineCollector() {
        return engineCollector;
      }

      @Override
      public String name() {
        return "scripted";
      }

      @Override
      public Sandbox open(VariantRef variant, SandboxLimits limits) {
        opened = limits;
        return new Sandbox() {
          @Override
          public Execution run(List<String> argv, Duration timeout) {
            log.add(String.join(" ", argv));
            int exit = Integer.parseInt(argv.get(1));
            return new Execution(
                new ResourceUsage(10, 1, 1, 2, 0, 100, 0, 0, false, exit, 0, 1, "scripted"),
                "",
                "");
          }

          @Override
          public MeasurementTarget target() {
            return new MeasurementTarget("t", containerId, cgroupDirs);
          }

          @Override
          public void close() {
            log.add("sandbox closed");
          }
        };
      }
    };
  }

  private RunSettings settings() {
    return new RunSettings(
        "run-1",
        "box",
        "0",
        1 << 20,
        Duration.ofSeconds(5),
        Duration.ofMillis(50),
        dir.resolve("samples"),
        Optional.empty(),
        Optional.empty());
  }

  private static VariantRef variant() {
    return new VariantRef("O2", Path.of("/nonexistent"), Optional.empty(), "d");
  }

  @Test
  void runsStepsUntilOneFailsAndSumsThem() {
    RunAssembly assembly = new RunAssembly(runtime(Map.of()), settings());
    try (VariantSession s = assembly.open(variant(), dir, "O2-u1")) {
      UnitResult ok = s.run("u1", List.of(List.of("ffmpeg", "0"), List.of("ffmpeg", "0")));
      assertThat(ok.succeeded()).isTrue();
      assertThat(ok.total().wallNanos()).isEqualTo(20);
      UnitResult failed = s.run("u1", List.of(List.of("ffmpeg", "3"), List.of("ffmpeg", "never")));
      assertThat(failed.succeeded()).isFalse();
      assertThat(failed.total().exitCode()).isEqualTo(3);
      assertThat(failed.steps()).hasSize(1);
    }
    assertThat(log).endsWith("ffmpeg 3", "sandbox closed");
    assertThat(opened.labels())
        .containsEntry("run_id", "run-1")
        .containsEntry("variant", "O2")
        .containsEntry("engine", "scripted")
        .containsEntry("machine", "box");
  }

  @Test
  void aNamedEngineIsTheEngineTag() {
    RunAssembly assembly = new RunAssembly(runtime(Map.of()), settings().onEngine("b"));
    assertThat(assembly.tags("O2")).containsEntry("engine", "b").containsEntry("variant", "O2");
    try (VariantSession s = assembly.open(variant(), dir, "O2-b")) {
      s.run("u1", List.of(List.of("ffmpeg", "0")));
    }
    assertThat(opened.labels()).containsEntry("engine", "b");
  }

  @Test
  void aTargetWithoutCgroupsGetsNoSeriesAndNoFiles() {
    try (VariantSession s =
        new RunAssembly(runtime(Map.of()), settings()).open(variant(), dir, "x")) {
      assertThat(s.series()).startsWith("none");
    }
    assertThat(dir.resolve("samples")).doesNotExist();
  }

  @Test
  void aCgroupTargetIsSampledIntoTheLineProtocolFile() throws Exception {
    Path cgroup = Files.createDirectories(dir.resolve("cg"));
    Files.writeString(cgroup.resolve("cpu.stat"), "usage_usec 5\n");
    try (VariantSession s =
        new RunAssembly(runtime(Map.of("unified", cgroup)), settings())
            .open(variant(), dir, "O2-u1")) {
      s.run("u1", List.of(List.of("ffmpeg", "0")));
    }
    Path lp = dir.resolve("samples").resolve("O2-u1" + Sinks.LINE_PROTOCOL);
    assertThat(Files.readString(lp)).contains("cpu_usage_total,").contains("run_id=run-1");
  }

  @Test
  void aContainerWhoseCgroupsAreElsewhereIsSampledByItsEnginesCollectorWithTheEngineTag()
      throws Exception {
    List<Map<String, String>> attached = new ArrayList<>();
    Collector engineStats =
        (target, interval, sink, tags) -> {
          attached.add(tags);
          sink.accept(List.of(new Sample(MetricSchema.CPU_USAGE_TOTAL, 1_000_000_000L, 42, tags)));
          return CollectorSession.none();
        };
    try (VariantSession s =
        new RunAssembly(
                runtime(Map.of(), Optional.of("c0ffee"), Optional.of(engineStats)),
                settings().onEngine("b"))
            .open(variant(), dir, "O2@b")) {
      s.run("u1", List.of(List.of("ffmpeg", "0")));
    }
    assertThat(attached).singleElement().satisfies(t -> assertThat(t).containsEntry("engine", "b"));
    Path lp = dir.resolve("samples").resolve("O2@b" + Sinks.LINE_PROTOCOL);
    assertThat(Files.readString(lp)).contains("cpu_usage_total,").contains("engine=b");
  }

  @Test
  void aTargetThatIsNoContainerIsNotHandedToTheEngineCollector() {
    Collector never =
        (target, interval, sink, tags) -> {
          throw new AssertionError("asked to sample " + target);
        };
    try (VariantSession s =
        new RunAssembly(runtime(Map.of(), Optional.empty(), Optional.of(never)), settings())
            .open(variant(), dir, "x")) {
      assertThat(s.series()).startsWith("none");
    }
    assertThat(dir.resolve("samples")).doesNotExist();
  }
}
