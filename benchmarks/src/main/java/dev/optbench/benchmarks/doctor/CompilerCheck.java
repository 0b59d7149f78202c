package dev.optbench.benchmarks.doctor;

import dev.optbench.build.compile.CompilerProbe;
import dev.optbench.build.manifest.CompilerInfo;
import dev.optbench.build.spec.InvalidSpecException;
import dev.optbench.build.spec.Profile;
import dev.optbench.build.spec.SpecValidator;
import dev.optbench.build.spec.VariantSpec;
import dev.optbench.build.util.Executables;
import java.util.List;

/**
 * A compiler's version, and that it links a tiny program statically: the variants are static
 * binaries (they run in {@code FROM scratch} images). The link is proven by {@link SpecValidator},
 * the same check {@code optbench build} runs, so the doctor and the build cannot disagree.
 */
public final class CompilerCheck implements Check {
  private final String compiler;
  private final boolean required;

  /**
   * @param required gcc is (the default compiler of every variant); clang is only reported where
   *     installed, for variants that ask for it
   */
  public CompilerCheck(String compiler, boolean required) {
    this.compiler = compiler;
    this.required = required;
  }

  @Override
  public String name() {
    return "compiler " + compiler;
  }

  @Override
  public List<Finding> run() {
    if (!Executables.onPath(compiler)) {
      return List.of(
          required
              ? Finding.fail(compiler + ": not found on PATH", "apt-get install " + compiler)
              : Finding.ok(
                  compiler + ": not installed (optional)",
                  "install it to build variants with compiler: " + compiler));
    }
    CompilerInfo info = CompilerProbe.of(compiler);
    VariantSpec probe =
        new VariantSpec(
            "doctor", compiler, List.of("-O2"), List.of(), List.of(), false, Profile.MINIMAL);
    try {
      new SpecValidator().validate(List.of(probe));
    } catch (InvalidSpecException e) {
      String what = info.version() + ": cannot link a static program: " + e.getMessage();
      String fix = "install the static C library (Debian: apt-get install libc6-dev)";
      return List.of(required ? Finding.fail(what, fix) : Finding.warn(what, fix));
    }
    return List.of(Finding.ok(info.version() + " (" + info.target() + ") links static programs"));
  }
}
