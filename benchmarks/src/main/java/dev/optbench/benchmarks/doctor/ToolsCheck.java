package dev.optbench.benchmarks.doctor;

import dev.optbench.build.util.Executables;
import java.util.List;

/** Build tools besides the compiler. */
public final class ToolsCheck implements Check {
  @Override
  public String name() {
    return "build tools";
  }

  @Override
  public List<Finding> run() {
    Finding make =
        Executables.onPath("make")
            ? Finding.ok("make: found")
            : Finding.fail("make: not found on PATH", "apt-get install make");
    // optbench unpacks .tar.xz itself (commons-compress), so a missing xz only hurts by hand.
    Finding xz =
        Executables.onPath("xz")
            ? Finding.ok("xz: found")
            : Finding.warn(
                "xz: not found on PATH (optbench unpacks sources itself; needed only to unpack"
                    + " by hand)",
                "apt-get install xz-utils");
    return List.of(make, xz);
  }
}
