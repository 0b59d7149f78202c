package dev.optbench.benchmarks.cli;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * A trivial benchmark shaped like what {@code optbench run} writes: SingleShotTime in ms/op, params
 * named as RunResults names them, and secondary metrics from an InternalProfiler ({@link
 * ScalarCountersProfiler}), as optbench's container metrics profiler adds them. Run by real JMH in
 * {@link JmhShapeGoldenTest}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SingleShotBenchmark {
  @Param({"O2"})
  public String variant;

  @Param({"ffmpeg -f lavfi -i testsrc2=duration=1 -f null -"})
  public String command;

  @Benchmark
  public long work() {
    long s = 0;
    for (int i = 0; i < 200_000; i++) {
      s += i * 31L ^ s;
    }
    return s;
  }
}
