package dev.optbench.harness.testing;

import dev.optbench.harness.exec.ExecHelper;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compiles the tests' static programs (burner, optbench-exec) into {@link FakeVariant#cacheDir()}
 * ahead of time, for a test machine without a C compiler: the cgroup v2 VM of {@code
 * .ci/cgroup-v2-vm.sh} gets them with the test classes. Run from the harness module's folder.
 */
public final class TestPrograms {
  private TestPrograms() {}

  public static void main(String[] args) throws Exception {
    Path scratch = Files.createTempDirectory("test-programs");
    FakeVariant.create(scratch, "prebuilt");
    try (var files = Files.walk(scratch)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
    System.out.println("test programs in " + FakeVariant.cacheDir());
    if (args.length > 0) { // the runtimes' helper too, for a machine without a compiler
      System.out.println("optbench-exec: " + ExecHelper.ensureBuilt(Path.of(args[0])));
    }
  }
}
