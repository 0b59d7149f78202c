package dev.optbench.harness.metrics.bench;

import dev.optbench.harness.metrics.CollectorSession;
import dev.optbench.harness.metrics.MeasurementTarget;
import dev.optbench.harness.metrics.MetricSchema;
import dev.optbench.harness.metrics.MetricsSink;
import dev.optbench.harness.metrics.Sample;
import dev.optbench.harness.metrics.collect.CgroupCollector;
import dev.optbench.harness.metrics.collect.EpochNanoClock;
import dev.optbench.harness.metrics.sink.InfluxDbSink;
import dev.optbench.harness.metrics.sink.InfluxSettings;
import dev.optbench.harness.metrics.sink.LineProtocolFileSink;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.Query;

/**
 * Not a test: measures (1) write throughput through the sinks, points/s, and (2) the CPU the cgroup
 * collector costs at 100 ms with 1 and 4 cgroups, as % of one core, from the JVM's own process CPU
 * time minus an idle baseline of the same length. Results go in harness/BENCHMARKS.md.
 *
 * <p>Run (root, cgroup v1, services up): see harness/BENCHMARKS.md for the command.
 */
public final class MetricsBenchmark {
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /** Usage: MetricsBenchmark sinks | collector [window seconds]. One mode per JVM: less noise. */
  public static void main(String[] args) throws Exception {
    String influxUrl = System.getenv("OPTBENCH_INFLUX_URL");
    Path tmp = Files.createTempDirectory("optbench-bench");
    if (args[0].equals("sinks")) {
      int points = 200_000;
      for (int batchSize : new int[] {10, 1000}) {
        fileThroughput(tmp, points, batchSize);
        if (influxUrl != null) {
          influxThroughput(influxUrl, tmp, points, batchSize);
        }
      }
      return;
    }
    Duration window = Duration.ofSeconds(Integer.parseInt(args.length > 1 ? args[1] : "30"));
    for (int cgroups : new int[] {1, 4}) {
      collectorCpu(cgroups, window, new CountingSink(), "counting sink");
    }
    if (influxUrl != null) {
      InfluxSettings settings = InfluxSettings.of(influxUrl, "optbench_bench");
      try (InfluxDbSink sink = new InfluxDbSink(settings, tmp.resolve("collector-spool.lp"))) {
        collectorCpu(4, window, sink, "InfluxDbSink");
      }
      drop(influxUrl, "optbench_bench");
    }
  }

  private static List<List<Sample>> batches(int points, int batchSize) {
    List<List<Sample>> batches = new ArrayList<>();
    Map<String, String> tags =
        Map.of(
            MetricSchema.TAG_CONTAINER,
            "ffmpeg-O2",
            MetricSchema.TAG_MACHINE,
            "bench",
            MetricSchema.TAG_VARIANT,
            "O2",
            MetricSchema.TAG_UNIT,
            "u1");
    for (int i = 0; i < points; i += batchSize) {
      List<Sample> batch = new ArrayList<>(batchSize);
      for (int j = 0; j < batchSize; j++) {
        String m = MetricSchema.MEASUREMENTS.get(j % MetricSchema.MEASUREMENTS.size());
        batch.add(new Sample(m, EpochNanoClock.now(), 1e9 + i + j, tags));
      }
      batches.add(batch);
    }
    return batches;
  }

  private static void fileThroughput(Path tmp, int points, int batchSize) throws Exception {
    List<List<Sample>> batches = batches(points, batchSize);
    long start = System.nanoTime();
    try (LineProtocolFileSink sink = new LineProtocolFileSink(tmp.resolve("bench.lp"))) {
      batches.forEach(sink::accept);
    }
    report("LineProtocolFileSink", points, batchSize, System.nanoTime() - start);
  }

  private static void influxThroughput(String url, Path tmp, int points, int batchSize)
      throws Exception {
    String db = "optbench_bench_" + batchSize;
    List<List<Sample>> batches = batches(points, batchSize);
    long start = System.nanoTime();
    try (InfluxDbSink sink =
        new InfluxDbSink(InfluxSettings.of(url, db), tmp.resolve("spool-" + batchSize + ".lp"))) {
      batches.forEach(sink::accept);
    } // close() returns once everything is written
    report("InfluxDbSink (InfluxDB 1.6.7, loopback)", points, batchSize, System.nanoTime() - start);
    drop(url, db);
  }

  private static void report(String sink, int points, int batchSize, long nanos) {
    System.out.printf(
        "%s, batches of %d: %,d points in %.2f s = %,.0f points/s%n",
        sink, batchSize, points, nanos / 1e9, points / (nanos / 1e9));
  }

  /**
   * Two views of the cost: CPU time of the collector threads alone (precise), and the whole JVM's
   * CPU time minus an idle window of the same length just after (includes GC and the sink's thread,
   * but also noise from a shared machine).
   */
  private static void collectorCpu(int cgroups, Duration window, MetricsSink sink, String sinkName)
      throws Exception {
    List<Path> dirs = new ArrayList<>();
    List<CollectorSession> sessions = new ArrayList<>();
    try {
      for (int i = 0; i < cgroups; i++) {
        String name = "optbench-test-bench-" + ProcessHandle.current().pid() + "-" + i;
        Path memory = Files.createDirectory(Path.of("/sys/fs/cgroup/memory", name));
        Path cpuacct = Files.createDirectory(Path.of("/sys/fs/cgroup/cpuacct", name));
        Path blkio = Files.createDirectory(Path.of("/sys/fs/cgroup/blkio", name));
        dirs.addAll(List.of(memory, cpuacct, blkio));
        MeasurementTarget target =
            new MeasurementTarget(
                name,
                Optional.empty(),
                Map.of("memory", memory, "cpuacct", cpuacct, "blkio", blkio));
        sessions.add(new CgroupCollector().attach(target, Duration.ofMillis(100), sink, Map.of()));
      }
      Thread.sleep(10_000); // JIT warm-up: measure the steady state a long run sees
      long threads0 = collectorThreadsCpu();
      long process0 = OS.getProcessCpuTime();
      long wall0 = System.nanoTime();
      Thread.sleep(window.toMillis());
      double wall = System.nanoTime() - wall0;
      double threads = 100.0 * (collectorThreadsCpu() - threads0) / wall;
      double process = 100.0 * (OS.getProcessCpuTime() - process0) / wall;
      sessions.forEach(CollectorSession::close);
      sessions.clear();
      double idle = idlePercent(window);
      System.out.printf(
          "collector, %d cgroup(s) (cpuacct+memory+blkio), 100 ms, %s, %ss: collector threads"
              + " %.3f %% of one core; whole JVM %.3f %% minus idle %.3f %% = %.3f %%%n",
          cgroups, sinkName, window.toSeconds(), threads, process, idle, process - idle);
    } finally {
      sessions.forEach(CollectorSession::close);
      for (Path dir : dirs) {
        Files.deleteIfExists(dir);
      }
    }
  }

  private static long collectorThreadsCpu() {
    long total = 0;
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().startsWith("optbench-collector-")) {
        total += Math.max(0, THREADS.getThreadCpuTime(t.getId()));
      }
    }
    return total;
  }

  private static double idlePercent(Duration window) throws InterruptedException {
    long cpu0 = OS.getProcessCpuTime();
    long wall0 = System.nanoTime();
    Thread.sleep(window.toMillis());
    return 100.0 * (OS.getProcessCpuTime() - cpu0) / (System.nanoTime() - wall0);
  }

  private static void drop(String url, String db) {
    try (var influx = InfluxDBFactory.connect(url)) {
      influx.query(new Query("DROP DATABASE \"" + db + "\""));
    }
  }

  /** Counts and drops: isolates the collector's own cost. */
  private static final class CountingSink implements MetricsSink {
    final AtomicLong samples = new AtomicLong();

    @Override
    public void accept(List<Sample> batch) {
      samples.addAndGet(batch.size());
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
