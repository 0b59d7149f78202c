package dev.optbench.harness.runtime.cgroup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optbench.harness.metrics.MetricSchema;
import dev.optbench.harness.model.VariantRef;
import dev.optbench.harness.runtime.Sandbox;
import dev.optbench.harness.runtime.SandboxLimits;
import dev.optbench.harness.testing.FakeVariant;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Child JVM for {@link CgroupSigtermIT} and {@link CgroupLeftoversIT}: opens a cgroup sandbox and
 * runs a unit that sleeps for ten minutes (and forks an orphan that does too), so the test can kill
 * this JVM in the middle of it. Deliberately never closes the sandbox itself: only the shutdown
 * hook may clean up.
 *
 * <p>Arguments: temp dir, run id, marker (passed to the unit so the test can find it).
 */
public final class HoldSandboxMain {
  private HoldSandboxMain() {}

  public static void main(String[] args) throws Exception {
    Path temp = Path.of(args[0]);
    VariantRef variant = FakeVariant.create(temp, "held");
    Path work = Files.createDirectories(temp.resolve("work"));
    SandboxLimits limits =
        new SandboxLimits("0", 64L << 20, work, Map.of(MetricSchema.TAG_RUN_ID, args[1]));
    Sandbox sandbox = new CgroupRuntimeProvider().create().open(variant, limits);
    System.out.println("opened " + sandbox.target().name());
    sandbox.run(
        List.of(FakeVariant.PROGRAM, "orphan", "600000", "sleep", "600000", "echo", args[2]),
        Duration.ofMinutes(10));
  }

  /** Starts this class in a child JVM, its output in {@code temp}/child.log. */
  static Process start(Path temp, String runId, String marker) throws IOException {
    FakeVariant.create(temp.resolve("warm"), "warm"); // compile outside the child's clock
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    String classpath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    return new ProcessBuilder(
            java.toString(),
            "-cp",
            classpath,
            HoldSandboxMain.class.getName(),
            temp.toString(),
            runId,
            marker)
        .redirectErrorStream(true)
        .redirectOutput(temp.resolve("child.log").toFile())
        .start();
  }

  /** Waits until the unit and its orphan are both in {@code unitProcs}. */
  static void awaitUnit(Process child, Path unitProcs, Path temp) throws Exception {
    // generous: a JVM start takes over 60 s in the TCG VM of .ci/cgroup-v2-vm.sh on a loaded host
    long deadline = System.currentTimeMillis() + 180_000;
    while (!(Files.exists(unitProcs) && Files.readString(unitProcs).lines().count() >= 2)) {
      assertThat(child.isAlive()).as(Files.readString(temp.resolve("child.log"))).isTrue();
      if (System.currentTimeMillis() > deadline) {
        // what the child said it opened beside where the test looked: a name another JVM
        // computes differently (the owner's start) shows here
        throw new AssertionError(
            "unit did not start: no 2 processes in "
                + unitProcs
                + "; child's log: "
                + Files.readString(temp.resolve("child.log"))
                + "; exists: "
                + Files.exists(unitProcs.getParent()));
      }
      Thread.sleep(50);
    }
  }
}
