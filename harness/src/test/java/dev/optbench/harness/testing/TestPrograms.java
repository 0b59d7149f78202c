package dev.optbench.harness.testing;

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
  }
}
