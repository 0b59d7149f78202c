package dev.optbench.build.compile;

import dev.optbench.build.manifest.BuildManifest;
import dev.optbench.build.provenance.RecordedSwitches;
import dev.optbench.build.spec.VariantSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Proves the requested flags reached the compiler, from the switches recorded in the binary. A
 * predecessor of optbench built its "optimised" variants with other flags because its flag
 * rewriting never reached the compiler; this check is why that cannot happen silently here.
 */
final class ProvenanceCheck {
  private ProvenanceCheck() {}

  static BuildManifest.Provenance verify(VariantSpec spec, Path binary, Path log) {
    String requested = spec.optLevel().orElseThrow();
    RecordedSwitches recorded =
        RecordedSwitches.read(binary)
            .orElseThrow(
                () ->
                    new BuildFailedException(
                        "variant "
                            + spec.name()
                            + ": the binary records no compiler switches (no "
                            + RecordedSwitches.SECTION
                            + " section), so its flags cannot be proven. Does "
                            + spec.compiler()
                            + " support "
                            + ConfigureCommand.RECORD_SWITCHES
                            + "? See "
                            + log));
    Set<String> levels = recorded.effectiveOptLevels();
    if (!levels.equals(Set.of(requested))) {
      throw new BuildFailedException(
          "variant "
              + spec.name()
              + " asked for "
              + requested
              + " but the binary was compiled with "
              + levels
              + ". Recorded command lines:\n  "
              + String.join(
                  "\n  ", recorded.commandLines().stream().map(l -> String.join(" ", l)).toList())
              + "\nSee "
              + log);
    }
    List<String> missing = new ArrayList<>();
    Set<String> all = recorded.allSwitches();
    for (String flag : spec.cflags()) {
      if (flag.startsWith("-f") || flag.startsWith("-m")) {
        if (!all.contains(flag)) {
          missing.add(flag);
        }
      }
    }
    if (!missing.isEmpty()) {
      throw new BuildFailedException(
          "variant "
              + spec.name()
              + ": flags "
              + missing
              + " did not reach the compiler; see "
              + log);
    }
    Set<String> added = new TreeSet<>(all);
    added.removeAll(spec.opt());
    added.removeAll(spec.cflags());
    added.remove(ConfigureCommand.RECORD_SWITCHES);
    return new BuildManifest.Provenance(
        requested, List.copyOf(levels), recorded.commandLines(), List.copyOf(added));
  }
}
