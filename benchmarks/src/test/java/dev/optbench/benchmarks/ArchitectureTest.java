package dev.optbench.benchmarks;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The architecture of DESIGN.md, checked on the compiled main classes of every module (benchmarks
 * sees all four): no package depends on itself through others, and the modules point one way —
 * results on nothing of ours, ffmpeg-build on harness only, harness on itself only. Within harness,
 * the cgroup layer owns the kernel interface and knows nothing of the runtimes above it.
 */
class ArchitectureTest {
  private static JavaClasses main;

  /** Test classes and the modules' test-jars are not the architecture. */
  private static final ImportOption MAIN_ONLY =
      (Location location) ->
          !location.contains("/test-classes/") && !location.contains("-tests.jar");

  @BeforeAll
  static void importMainClasses() {
    main = new ClassFileImporter().withImportOption(MAIN_ONLY).importPackages("dev.optbench");
  }

  @Test
  void everyModuleIsThere() {
    // An empty import passes every rule below; make sure the rules see the code.
    for (String pkg :
        new String[] {
          "dev.optbench.results.compare", "dev.optbench.build.compile",
          "dev.optbench.harness.cgroup", "dev.optbench.benchmarks.cli"
        }) {
      org.assertj.core.api.Assertions.assertThat(main.containPackage(pkg)).as(pkg).isTrue();
    }
  }

  @Test
  void noPackageCycles() {
    slices().matching("dev.optbench.(**)").should().beFreeOfCycles().check(main);
  }

  @Test
  void resultsDependsOnNothingOfOurs() {
    noClasses()
        .that()
        .resideInAPackage("dev.optbench.results..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.optbench.harness..", "dev.optbench.build..", "dev.optbench.benchmarks..")
        .check(main);
  }

  @Test
  void ffmpegBuildDependsOnHarnessOnly() {
    noClasses()
        .that()
        .resideInAPackage("dev.optbench.build..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.optbench.results..", "dev.optbench.benchmarks..")
        .check(main);
  }

  @Test
  void harnessDependsOnItselfOnly() {
    noClasses()
        .that()
        .resideInAPackage("dev.optbench.harness..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.optbench.results..", "dev.optbench.build..", "dev.optbench.benchmarks..")
        .check(main);
  }

  @Test
  void theCgroupLayerKnowsNoRuntimeCollectorOrSink() {
    noClasses()
        .that()
        .resideInAPackage("dev.optbench.harness.cgroup..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.optbench.harness.runtime..",
            "dev.optbench.harness.metrics.collect..",
            "dev.optbench.harness.metrics.sink..",
            "dev.optbench.harness.host..")
        .check(main);
  }
}
