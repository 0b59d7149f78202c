package dev.optbench.build.spec;

import dev.optbench.build.proc.ProcessRunner;
import dev.optbench.build.util.Executables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Rejects specs that cannot build before any long work starts: bad or duplicate names, no
 * optimisation level, a compiler that is not installed, flags the compiler refuses. Flags are
 * proven by compiling and statically linking a tiny program with exactly the variant's flags.
 */
public final class SpecValidator {
  // Names become file names, Docker tags (lower-cased) and InfluxDB tag values.
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  // Some flags a compiler does not know only draw a warning (clang: "argument unused during
  // compilation", "unknown warning option"); a variant built with them would silently differ
  // from what the user asked for, so those warnings count as a refusal.
  private static final Pattern REFUSED =
      Pattern.compile("unrecognized|unknown|unused during compilation|ignoring option");
  private static final String PROGRAM = "int main(void) { return 0; }\n";

  /**
   * The levels gcc documents (-Oz since gcc 12; an older gcc refuses it in the flag check below).
   * clang documents the same set.
   */
  static final List<String> LEVELS =
      List.of("-O0", "-O1", "-O2", "-O3", "-Os", "-Ofast", "-Og", "-Oz");

  private final Map<String, Boolean> compilerFound = new HashMap<>();

  /** Checks the whole set; throws with every problem found, one per line. */
  public void validate(List<VariantSpec> specs) {
    if (specs.isEmpty()) {
      throw new InvalidSpecException(
          "no variants given: name at least one (e.g. --variants O0,O2)");
    }
    List<String> problems = new ArrayList<>();
    Map<String, String> seen = new HashMap<>();
    for (VariantSpec spec : specs) {
      String name = spec.name() == null ? "" : spec.name();
      if (!NAME.matcher(name).matches()) {
        problems.add(
            "variant name '"
                + name
                + "' is invalid: use 1-64 letters, digits, '.', '_' or '-', starting with a"
                + " letter or digit");
        continue;
      }
      String previous = seen.put(name.toLowerCase(Locale.ROOT), name);
      if (previous != null) {
        problems.add(
            "variant name '" + name + "' is used twice (names are compared ignoring case)");
      }
      problems.addAll(checkFlags(spec));
    }
    if (!problems.isEmpty()) {
      throw new InvalidSpecException(String.join("\n", problems));
    }
  }

  private List<String> checkFlags(VariantSpec spec) {
    List<String> levels = new ArrayList<>();
    for (String flag : spec.opt()) {
      if (flag.startsWith("-O")) {
        levels.add(flag);
      }
    }
    for (String flag : spec.cflags()) {
      if (flag.startsWith("-O")) {
        levels.add(flag);
      }
    }
    if (levels.isEmpty()) {
      return List.of(
          "variant '"
              + spec.name()
              + "' has no optimisation level: add one of "
              + String.join(" ", LEVELS)
              + " to opt");
    }
    if (levels.size() > 1) {
      // gcc takes the last one silently; a spec listing two says two things and measures one.
      return List.of(
          "variant '"
              + spec.name()
              + "' has "
              + levels.size()
              + " optimisation levels "
              + levels
              + ": keep exactly one (make another variant for the other)");
    }
    if (!LEVELS.contains(levels.get(0))) {
      // gcc accepts -O9 and runs -O3 while the manifest would say -O9.
      return List.of(
          "variant '"
              + spec.name()
              + "' has the optimisation level "
              + levels.get(0)
              + ", which the compilers do not document: use one of "
              + String.join(" ", LEVELS));
    }
    if (!compilerFound.computeIfAbsent(spec.compiler(), Executables::onPath)) {
      return List.of(
          "variant '"
              + spec.name()
              + "': compiler '"
              + spec.compiler()
              + "' not found on PATH; install it (Debian: apt-get install "
              + spec.compiler()
              + ") or set compiler: gcc");
    }
    Path dir;
    try {
      dir = Files.createTempDirectory("optbench-flagcheck");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      List<String> argv = new ArrayList<>(List.of(spec.compiler()));
      argv.addAll(spec.opt());
      argv.addAll(spec.cflags());
      argv.addAll(List.of("-x", "c", "-", "-o", dir.resolve("a.out").toString(), "-static"));
      argv.addAll(spec.ldflags());
      ProcessRunner.Result r = ProcessRunner.capture(argv, dir, PROGRAM, Duration.ofSeconds(60));
      if (!r.ok() || REFUSED.matcher(r.output()).find()) {
        return List.of(
            "variant '"
                + spec.name()
                + "': "
                + spec.compiler()
                + " rejects its flags "
                + String.join(" ", argv.subList(1, argv.size()))
                + ":\n  "
                + r.output().strip().replace("\n", "\n  "));
      }
      return List.of();
    } finally {
      deleteQuietly(dir);
    }
  }

  private static void deleteQuietly(Path dir) {
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A leftover temp dir is harmless; the validation verdict stands.
    }
  }
}
