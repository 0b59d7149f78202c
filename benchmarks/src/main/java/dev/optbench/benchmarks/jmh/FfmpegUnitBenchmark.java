package dev.optbench.benchmarks.jmh;

import dev.optbench.harness.metrics.ResourceUsage;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One workload unit (an ffmpeg command, possibly in several steps) on one variant, in the variant's
 * sandbox. JMH measures each invocation (SingleShotTime: the unit is seconds of native work, not a
 * hot loop); its score includes the sandbox's launch cost (a {@code docker exec} round trip, ~0.3
 * s), which {@code wall} — measured next to the process — does not. {@link KernelCountersProfiler}
 * adds the kernel-counter totals. The params are placeholders: the main job sets the real ones from
 * its run plan.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class FfmpegUnitBenchmark {
  @Param({"O2"})
  public String variant;

  @Param({"u000"})
  public String unit;

  private TrialSandbox trial;

  @Setup(Level.Trial)
  public void openSandbox() {
    // the engine of this JMH run (one per engine), "" for the run's one engine
    trial =
        TrialSandbox.open(
            RunPlan.current(), variant, System.getProperty(RunPlan.ENGINE_PROPERTY, ""), unit);
  }

  @Setup(Level.Iteration)
  public void resetWorkDir() {
    trial.resetWorkDir();
  }

  @Benchmark
  public ResourceUsage run() {
    ResourceUsage usage = trial.runUnit();
    LastUnit.record(usage);
    return usage;
  }

  @TearDown(Level.Trial)
  public void closeSandbox() {
    if (trial != null) {
      trial.close();
      trial = null;
    }
  }
}
