package dev.optbench.results.jmh;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A trivial benchmark run by real JMH ({@link RealJmhFixtureTest}) so we can check our reader and
 * writer against what jmh-core itself writes, including params and a secondary metric.
 */
@State(Scope.Thread)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TinyBenchmark {
  @Param({"16", "64"})
  public int size;

  private long[] values;

  /** Becomes a JMH secondary metric ("calls"), as optbench's profiler counters do. */
  @AuxCounters(AuxCounters.Type.EVENTS)
  @State(Scope.Thread)
  public static class Counters {
    public long calls;

    @Setup(Level.Iteration)
    public void reset() {
      calls = 0;
    }
  }

  @Setup
  public void fill() {
    values = new long[size];
    for (int i = 0; i < size; i++) {
      values[i] = i * 31L;
    }
  }

  /** SampleTime: JMH writes "rawDataHistogram" instead of "rawData". */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  public long sampled() {
    return values.length * 31L;
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  public long sum(Counters counters) {
    counters.calls++;
    long s = 0;
    for (long v : values) {
      s += v;
    }
    return s;
  }
}
