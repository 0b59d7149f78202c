package dev.optbench.harness.exec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * What {@code optbench-exec} reports for one command: a JSON line, written to a file or as the last
 * line of stderr behind {@link #MARKER}.
 *
 * @param wallNanos CLOCK_MONOTONIC from the child's exec (after its cgroup joins) to its exit
 * @param userMicros child's ru_utime
 * @param sysMicros child's ru_stime
 * @param maxRssKib child's ru_maxrss (RSS only; cgroup peak is preferred where available)
 * @param runDelayNanos ns the child's main thread was runnable but waiting for a CPU (run_delay in
 *     {@code /proc/<pid>/schedstat}, read from the zombie before reaping); {@code -1} when the
 *     kernel or /proc does not say, or the report predates the field
 * @param exitCode exit status, -1 if killed by a signal
 * @param signal terminating signal, 0 if none
 * @param error non-empty when the command never started (cannot exec / cannot join cgroup)
 * @param containerTotals what {@code --totals} read from the container's own cgroup; {@link
 *     ContainerTotals#NONE} when not asked for or unreadable
 */
public record ExecReport(
    @JsonProperty("wall_ns") long wallNanos,
    @JsonProperty("user_us") long userMicros,
    @JsonProperty("sys_us") long sysMicros,
    @JsonProperty("maxrss_kb") long maxRssKib,
    @JsonProperty("run_delay_ns") long runDelayNanos,
    @JsonProperty("exit_code") int exitCode,
    @JsonProperty("signal") int signal,
    @JsonProperty("error") String error,
    ContainerTotals containerTotals) {

  /** A report without container totals (every runtime but a remote engine's). */
  public ExecReport(
      long wallNanos,
      long userMicros,
      long sysMicros,
      long maxRssKib,
      long runDelayNanos,
      int exitCode,
      int signal,
      String error) {
    this(
        wallNanos,
        userMicros,
        sysMicros,
        maxRssKib,
        runDelayNanos,
        exitCode,
        signal,
        error,
        ContainerTotals.NONE);
  }

  public static final String MARKER = "@@optbench-exec@@";
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Jackson's way in: a missing {@code run_delay_ns} (a helper or image built before it existed)
   * must read as unknown, where a primitive would silently read as 0.
   */
  @JsonCreator
  static ExecReport fromJson(
      @JsonProperty("wall_ns") long wallNanos,
      @JsonProperty("user_us") long userMicros,
      @JsonProperty("sys_us") long sysMicros,
      @JsonProperty("maxrss_kb") long maxRssKib,
      @JsonProperty("run_delay_ns") Long runDelayNanos,
      @JsonProperty("exit_code") int exitCode,
      @JsonProperty("signal") int signal,
      @JsonProperty("error") String error,
      @JsonProperty("cg") String cg,
      @JsonProperty("cg_cpu_ns") Long cgCpu,
      @JsonProperty("cg_user_ns") Long cgUser,
      @JsonProperty("cg_sys_ns") Long cgSys,
      @JsonProperty("cg_io_read") Long cgRead,
      @JsonProperty("cg_io_write") Long cgWrite,
      @JsonProperty("cg_oom_kills") Long cgOom) {
    long delay = runDelayNanos == null || runDelayNanos < 0 ? -1 : runDelayNanos;
    ContainerTotals totals =
        cg == null || cg.isEmpty()
            ? ContainerTotals.NONE
            : new ContainerTotals(
                cg,
                known(cgCpu),
                known(cgUser),
                known(cgSys),
                known(cgRead),
                known(cgWrite),
                known(cgOom));
    return new ExecReport(
        wallNanos, userMicros, sysMicros, maxRssKib, delay, exitCode, signal, error, totals);
  }

  private static long known(Long value) {
    return value == null || value < 0 ? -1 : value;
  }

  public static ExecReport parse(String jsonLine) {
    try {
      return JSON.readValue(jsonLine.strip(), ExecReport.class);
    } catch (IOException e) {
      throw new UncheckedIOException("unreadable optbench-exec report: " + jsonLine, e);
    }
  }

  /** Finds the report in a captured stderr; empty if the helper itself died. */
  public static Optional<ExecReport> fromStderr(String stderr) {
    int at = stderr.lastIndexOf(MARKER);
    if (at < 0) {
      return Optional.empty();
    }
    int end = stderr.indexOf('\n', at);
    String line = stderr.substring(at + MARKER.length(), end < 0 ? stderr.length() : end);
    return Optional.of(parse(line));
  }

  /** stderr without the report line, as the program itself wrote it. */
  public static String stripReport(String stderr) {
    int at = stderr.lastIndexOf("\n" + MARKER);
    return at < 0 ? stderr : stderr.substring(0, at);
  }
}
