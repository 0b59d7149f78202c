package dev.optbench.benchmarks.job;

import dev.optbench.build.source.SourceProvider;
import dev.optbench.build.spec.VariantSpec;
import dev.optbench.harness.engine.EngineSpec;
import dev.optbench.harness.metrics.sink.InfluxConnectivity;
import dev.optbench.harness.metrics.sink.InfluxSettings;
import dev.optbench.harness.runtime.RuntimeSelector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the main job was asked to do, filled from the command line (or a test), independent of
 * picocli.
 *
 * @param jmhArgs options for JMH itself ({@code -f -wi -i -p -rf -rff -prof}, include regex)
 * @param units how many units of the workload to run
 * @param seed novelty search seed, when the workload is generated
 * @param budget commands the search may evaluate, when the workload is generated
 * @param order interleaved rounds (default) or JMH's own trial order
 * @param checkOutputs run every unit once more per variant and compare its outputs with the
 *     baseline's ({@link OutputCheck})
 * @param reserveCores move the host's other processes off the benchmark CPUs while timing
 * @param favorDynmods remount cgroup2 with {@code favordynmods} while timing, where root may
 *     ({@link dev.optbench.harness.reservation.FavorDynmods})
 * @param fateLimit how long a new build may spend on FFmpeg's own tests
 * @param engines the Docker engines named with {@code --engine} or an engines file; empty for the
 *     usual run on one engine ({@code $DOCKER_HOST}) or another runtime
 * @param placement {@code whole} or {@code every} ({@link dev.optbench.harness.engine.Placement});
 *     used only with named engines
 */
public record JobSettings(
    List<String> jmhArgs,
    List<VariantSpec> variants,
    SourceProvider source,
    Optional<Path> workload,
    int units,
    long seed,
    int budget,
    Optional<String> baseline,
    Optional<Influx> influx,
    Supplier<RuntimeSelector.Choice> runtimeChoice,
    String cpuset,
    long memoryBytes,
    long timeoutMillis,
    long intervalMillis,
    Path resultsDir,
    Path cacheDir,
    int jobs,
    Optional<java.net.URI> cadvisor,
    Order order,
    boolean checkOutputs,
    boolean reserveCores,
    boolean favorDynmods,
    java.time.Duration fateLimit,
    List<EngineSpec> engines,
    String placement) {

  /**
   * How the (variant, unit) pairs are scheduled: {@code interleaved} rounds in this JVM with a
   * shuffled order per round from {@code seed}, or JMH's trials one after the other.
   *
   * @param precisionPercent 0: the planned rounds only; else rounds are added until every ratio's
   *     interval is within ± this many per cent ({@code PrecisionTarget})
   * @param maxRounds the most rounds the target may reach; 0: 4 × the planned rounds
   * @param minUnitMillis generated units shorter than this on the baseline (or than 100 × the
   *     launch jitter) get more media ({@code ShortUnits}); 0: units as written
   */
  public record Order(
      boolean interleaved,
      long seed,
      double precisionPercent,
      int maxRounds,
      double minUnitMillis) {
    /** The CLI's default for {@link #minUnitMillis}. */
    public static final double MIN_UNIT_MILLIS = 200;

    public Order(boolean interleaved, long seed) {
      this(interleaved, seed, 0, 0, MIN_UNIT_MILLIS);
    }
  }

  /** Where the time series go; null URL fields never reach this record. */
  public record Influx(String rawUrl, String database) {
    public String url() {
      return InfluxSettings.of(rawUrl, database).url();
    }

    /**
     * Answers before any long work, and refuses credentials in the URL: the URL is passed to JMH's
     * forked JVMs (and written to the run plan) without them, so they must come from the
     * environment, which forks inherit.
     */
    void check() {
      InfluxSettings settings = InfluxSettings.of(rawUrl, database); // says what is wrong, no echo
      if (URI.create(rawUrl).getRawUserInfo() != null) {
        throw new IllegalArgumentException(
            "the --influx URL holds credentials; the main job never writes them to its run plan"
                + " or passes them on a command line. Set "
                + InfluxSettings.ENV_USER
                + " and "
                + InfluxSettings.ENV_PASSWORD
                + " instead and give the URL without them.");
      }
      try {
        InfluxConnectivity.check(settings);
      } catch (IOException e) {
        throw new UncheckedIOException(e.getMessage(), e);
      }
    }
  }
}
