package dev.optbench.harness.profile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The instruction pass of one (variant, unit): every step of the unit, in order, in one work
 * folder, under the counter; the counts and profiles are summed (all steps are the unit's cost, as
 * in the timed runs). Runs the variant's symbolised copy ({@code debug/<program>} beside {@code
 * bin/}, whose {@code .text} the build proved identical to the measured binary's), or the measured
 * binary itself where a variant has no such copy.
 */
public final class UnitProfiler {
  private final InstructionCounter counter;
  private final Duration timeout;

  public UnitProfiler(InstructionCounter counter, Duration timeout) {
    this.counter = counter;
    this.timeout = timeout;
  }

  public InstructionCounter counter() {
    return counter;
  }

  /**
   * The binary the pass runs for {@code program} of the variant whose executables are in binDir.
   */
  public static Path profiled(Path binDir, String program) {
    Path debug = binDir.toAbsolutePath().getParent().resolve("debug").resolve(program);
    return Files.isRegularFile(debug) ? debug : binDir.toAbsolutePath().resolve(program);
  }

  /**
   * @param steps argv lists whose argv[0] names a program of the variant
   * @param workDir the unit's inputs, writable; the steps' outputs land here
   * @param outDir where {@code <unit>.callgrind.out} and the per-function files go
   */
  public InstructionCounter.Count profile(
      Path binDir, List<List<String>> steps, Path workDir, Path outDir, String unit) {
    long total = 0;
    List<FunctionProfile> parts = new ArrayList<>();
    String where = "";
    for (int i = 0; i < steps.size(); i++) {
      List<String> argv = steps.get(i);
      Path program = profiled(binDir, argv.get(0));
      int step = steps.size() == 1 ? 0 : i + 1;
      InstructionCounter.Count c =
          counter.count(
              program,
              argv.subList(1, argv.size()),
              workDir,
              ProfileFiles.callgrindOut(outDir, unit, step),
              timeout);
      total += c.instructions();
      parts.add(c.profile());
      where = c.where();
    }
    FunctionProfile sum = FunctionProfile.sum(parts);
    if (!sum.isEmpty()) {
      ProfileFiles.write(outDir, unit, sum);
    }
    return new InstructionCounter.Count(total, sum, where);
  }
}
