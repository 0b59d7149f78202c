package dev.optbench.harness.runtime.cgroup;

import dev.optbench.harness.metrics.MetricSchema;
import dev.optbench.harness.model.VariantRef;
import dev.optbench.harness.runtime.Sandbox;
import dev.optbench.harness.runtime.SandboxLimits;
import dev.optbench.harness.testing.FakeVariant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Child JVM for {@link CgroupSigtermIT}: opens a cgroup sandbox and runs a unit that sleeps for ten
 * minutes, so the test can SIGTERM this JVM in the middle of it. Deliberately never closes the
 * sandbox itself: only the shutdown hook may clean up.
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
}
