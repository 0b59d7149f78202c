package dev.optbench.harness.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.optbench.harness.metrics.MetricSchema;
import dev.optbench.harness.metrics.ResourceUsage;
import dev.optbench.harness.model.VariantRef;
import dev.optbench.harness.testing.FakeVariant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every runtime must do. A runtime's IT extends this and supplies {@link #runtime()}; the
 * variant is {@link FakeVariant}'s burner, whose costs are known. Docker-style runtimes override
 * {@link #expectedWorkDir} (the work dir is mounted elsewhere) and {@link #assertNothingLeft}.
 */
public abstract class SandboxContractIT {
  private static final Duration MINUTE = Duration.ofMinutes(1);

  @TempDir protected Path temp;
  protected VariantRef variant;
  protected Path workDir;
  protected Sandbox sandbox;

  /** The runtime under test; called once per test. */
  protected abstract ContainerRuntime runtime();

  /** Checks that a closed sandbox left no container, cgroup or process behind. */
  protected abstract void assertNothingLeft(Sandbox closed);

  /** Where the unit sees {@code workDir}: the same path on the host, /work in a container. */
  protected String expectedWorkDir(Path workDir) {
    return workDir.toString();
  }

  /**
   * The variant under test, laid out in {@code dir}. Container runtimes override this to also build
   * an image from {@code FakeVariant.create(dir, name).binDir()} and return it with the image.
   */
  protected VariantRef createVariant(Path dir) {
    return FakeVariant.create(dir, "contract");
  }

  protected SandboxLimits limits(Path workDir) {
    String runId = "contract-" + UUID.randomUUID().toString().substring(0, 8);
    return new SandboxLimits("0", 256L << 20, workDir, Map.of(MetricSchema.TAG_RUN_ID, runId));
  }

  @BeforeEach
  void open() throws Exception {
    variant = createVariant(temp);
    workDir = Files.createDirectories(temp.resolve("work"));
    sandbox = runtime().open(variant, limits(workDir));
  }

  @AfterEach
  void closeSandbox() {
    if (sandbox != null) {
      sandbox.close();
    }
  }

  protected Execution burner(Duration timeout, String... args) {
    List<String> argv = new ArrayList<>(List.of(FakeVariant.PROGRAM));
    argv.addAll(Arrays.asList(args));
    return sandbox.run(argv, timeout);
  }

  @Test
  void reportsTheExitCodeAndCpuOfAUnit() {
    Execution e = burner(MINUTE, "cpu", "300", "exit", "7");
    ResourceUsage u = e.usage();
    assertThat(u.exitCode()).isEqualTo(7);
    assertThat(u.signal()).isZero();
    assertThat(u.succeeded()).isFalse();
    assertThat(e.timedOut()).isFalse();
    assertThat(u.oomKilled()).isFalse();
    assertThat(u.cpuTotalNanos()).isBetween(280_000_000L, 2_000_000_000L);
    assertThat(u.wallNanos()).isGreaterThanOrEqualTo(u.cpuTotalNanos() / 2);
    // contention, from the helper's /proc in every runtime (inside the container for Docker)
    assertThat(u.cpuWaitNanos()).isBetween(0L, u.wallNanos());
    assertThat(u.allowedCores()).isPositive();
    assertThat(u.source()).isNotBlank();
    assertThat(burner(MINUTE, "exit", "0").usage().succeeded()).isTrue();
  }

  /**
   * Buffered writes flushed by the unit's own fsync are the unit's block I/O on every runtime that
   * counts I/O (v1 needs the blkio throttle rule for that, v2 io.stat counts it anyway); the
   * process runtime counts none and says so with UNKNOWN.
   */
  @Test
  void blockIoOfAUnitThatWritesAndFsyncsIsCounted() {
    ResourceUsage u = burner(MINUTE, "fwrite", "32", "fsynced.bin").usage();
    assertThat(u.succeeded()).as(u.toString()).isTrue();
    org.junit.jupiter.api.Assumptions.assumeTrue(
        u.ioWriteBytes() >= 0, u.source() + " counts no block I/O");
    assertThat(u.ioWriteBytes()).isGreaterThanOrEqualTo(32L << 20);
  }

  @Test
  void reportsTheSignalThatEndedAUnit() {
    ResourceUsage u = burner(MINUTE, "signal", "15").usage();
    assertThat(u.signal()).isEqualTo(15);
    assertThat(u.exitCode()).isEqualTo(-1);
    assertThat(u.oomKilled()).isFalse();
  }

  @Test
  void aMissingProgramIsAClearError() {
    assertThatThrownBy(() -> sandbox.run(List.of("no-such-program", "-x"), MINUTE))
        .isInstanceOf(ProgramNotFoundException.class)
        .hasMessageContaining("no-such-program")
        .hasMessageContaining(variant.name());
  }

  @Test
  void aUnitPastItsTimeoutIsKilledAndReported() {
    String marker = "timeout-" + UUID.randomUUID();
    long start = System.nanoTime();
    Execution e = burner(Duration.ofMillis(500), "sleep", "60000", "echo", marker);
    assertThat(e.timedOut()).isTrue();
    assertThat(e.usage().signal()).isEqualTo(9);
    assertThat(e.usage().oomKilled()).isFalse();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
    assertThat(processesWith(marker)).isEmpty();
    // the sandbox is still usable
    assertThat(burner(MINUTE, "exit", "0").usage().succeeded()).isTrue();
  }

  @Test
  void argvIsPassedVerbatimWithoutAShell() {
    List<String> tricky =
        List.of("two words", "'single'", "\"double\"", "a;b", "$HOME", "`id`", "*", "", "-x");
    List<String> args = new ArrayList<>(List.of("echo"));
    args.addAll(tricky);
    Execution e = burner(MINUTE, args.toArray(String[]::new));
    assertThat(e.usage().exitCode()).isZero();
    assertThat(e.stdoutTail().lines().toList())
        .containsExactlyElementsOf(tricky.stream().map(a -> "arg:" + a).toList());
  }

  @Test
  void unitsRunInTheWorkDir() {
    Execution e = burner(MINUTE, "cwd");
    assertThat(e.stdoutTail().strip()).isEqualTo("cwd:" + expectedWorkDir(workDir));
  }

  @Test
  void theMeasurementTargetOutlivesEachUnit() {
    java.util.Map<String, Path> dirs = sandbox.target().cgroupDirs();
    for (int i = 0; i < 3; i++) {
      assertThat(burner(MINUTE, "exit", "0").usage().exitCode()).isZero();
      // Collectors sample these between units; they must neither vanish nor be recreated.
      assertThat(sandbox.target().cgroupDirs()).isEqualTo(dirs);
      dirs.values().forEach(d -> assertThat(d).isDirectory());
    }
  }

  @Test
  void unitsNeverRunAsRoot() {
    Execution e = burner(MINUTE, "id");
    assertThat(e.usage().exitCode()).isZero();
    assertThat(e.stdoutTail()).startsWith("uid:").doesNotStartWith("uid:0 ");
    assertThat(e.stdoutTail()).doesNotContain("gid:0 ");
  }

  @Test
  void aUnitCannotWriteUnderRoot() throws Exception {
    Path target = Path.of("/root", "optbench-contract-" + UUID.randomUUID());
    try {
      Execution e = burner(MINUTE, "write", target.toString());
      assertThat(e.usage().exitCode()).as("burner's exit when open/write fails").isEqualTo(96);
      assertThat(e.stderrTail()).containsAnyOf("Permission denied", "No such file", "Read-only");
      assertThat(target).doesNotExist();
    } finally {
      Files.deleteIfExists(target);
    }
  }

  @Test
  void aUnitWritesItsWorkFolder() {
    Execution e = burner(MINUTE, "write", "out.txt");
    assertThat(e.usage().exitCode()).isZero();
    assertThat(workDir.resolve("out.txt")).hasContent("x");
  }

  @Test
  void theHelperIsNeverAUnitNorAPathOrShell() {
    for (List<String> argv :
        List.of(
            List.of("optbench-exec", "--", FakeVariant.PROGRAM, "id"),
            List.of("/bin/sh", "-c", "id"),
            List.of(variant.binDir().resolve(FakeVariant.PROGRAM).toString(), "id"))) {
      assertThatThrownBy(() -> sandbox.run(argv, MINUTE))
          .as("%s", argv)
          .isInstanceOf(ProgramNotFoundException.class)
          .hasMessageContaining(argv.get(0));
    }
  }

  @Test
  void aUnitSeesNoneOfOptbenchsEnvironment() {
    Execution e = burner(MINUTE, "env");
    List<String> names =
        e.stdoutTail().lines().map(l -> l.substring(4, l.indexOf('=', 4))).toList();
    assertThat(names).doesNotContain("OPTBENCH_INFLUX_PASSWORD", "OPTBENCH_INFLUX_USER");
    assertThat(names).allMatch(n -> !n.startsWith("OPTBENCH_"), "no OPTBENCH_* variable");
    assertThat(names)
        .allMatch(
            n ->
                !System.getenv().containsKey(n)
                    || n.equals("PATH")
                    || n.equals("HOSTNAME")
                    || n.equals("HOME"),
            "nothing inherited from the JVM but PATH");
  }

  @Test
  void closeIsIdempotentAndLeavesNothingBehind() {
    burner(MINUTE, "exit", "0");
    sandbox.close();
    sandbox.close();
    assertNothingLeft(sandbox);
    assertThatThrownBy(() -> burner(MINUTE, "exit", "0")).isInstanceOf(IllegalStateException.class);
  }

  /** No live process runs a program from the variant's bin dir. */
  protected void assertNoProcessOfTheVariant() {
    String bin = variant.binDir().toString();
    assertThat(
            ProcessHandle.allProcesses()
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.startsWith(bin)).orElse(false))
                .toList())
        .isEmpty();
  }

  /** Live processes whose arguments contain {@code marker}. */
  public static List<ProcessHandle> processesWith(String marker) {
    return ProcessHandle.allProcesses()
        .filter(p -> p.isAlive())
        .filter(p -> p.info().arguments().map(a -> Arrays.asList(a).contains(marker)).orElse(false))
        .toList();
  }
}
