package dev.optbench.results.profile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The per-function profiles of a run folder, {@code profiles/<variant>/<unit>.*}, as the main job's
 * {@code --instructions} pass leaves them. A unit is profiled when its {@code .functions.tsv} is
 * there; the folded stacks and the other files are optional.
 *
 * @param byVariant variant to unit to profile, both sorted by name
 */
public record RunProfiles(Map<String, Map<String, UnitProfile>> byVariant) {
  /** A run without {@code --instructions}. */
  public static final RunProfiles NONE = new RunProfiles(Map.of());

  static final String DIR = "profiles";
  static final String FUNCTIONS = ".functions.tsv";
  static final String COLLAPSED = ".collapsed";

  public RunProfiles {
    Map<String, Map<String, UnitProfile>> copy = new TreeMap<>();
    byVariant.forEach((v, units) -> copy.put(v, Collections.unmodifiableMap(new TreeMap<>(units))));
    byVariant = Collections.unmodifiableMap(copy);
  }

  public boolean isEmpty() {
    return byVariant.values().stream().allMatch(Map::isEmpty);
  }

  public Optional<UnitProfile> get(String variant, String unit) {
    return Optional.ofNullable(byVariant.getOrDefault(variant, Map.of()).get(unit));
  }

  /** Reads {@code <runDir>/profiles/}; {@link #NONE} when the run has no such folder. */
  public static RunProfiles read(Path runDir) throws IOException {
    Path root = runDir.resolve(DIR);
    if (!Files.isDirectory(root)) {
      return NONE;
    }
    Map<String, Map<String, UnitProfile>> byVariant = new TreeMap<>();
    for (Path variantDir : list(root)) {
      if (!Files.isDirectory(variantDir)) {
        continue;
      }
      String variant = variantDir.getFileName().toString();
      List<Path> files = list(variantDir);
      Map<String, UnitProfile> units = new TreeMap<>();
      for (Path f : files) {
        String name = f.getFileName().toString();
        if (name.endsWith(FUNCTIONS)) {
          String unit = name.substring(0, name.length() - FUNCTIONS.length());
          units.put(unit, unit(variant, unit, variantDir, files));
        }
      }
      byVariant.put(variant, units);
    }
    return new RunProfiles(byVariant);
  }

  private static UnitProfile unit(String variant, String unit, Path dir, List<Path> files)
      throws IOException {
    Path collapsed = dir.resolve(unit + COLLAPSED);
    Map<String, Long> stacks =
        Files.isRegularFile(collapsed) ? FoldedStacks.read(collapsed) : Map.of();
    // <unit>.callgrind.out, <unit>.<step>.callgrind.out, .collapsed, .functions.tsv,
    // <unit>.diff-vs-<baseline>.tsv: exactly the unit's own, never another unit's with a longer
    // name that starts the same.
    Pattern own =
        Pattern.compile(
            Pattern.quote(unit)
                + "(\\.\\d+)?\\.callgrind\\.out|"
                + Pattern.quote(unit)
                + "(\\.collapsed|\\.functions\\.tsv|\\.diff-vs-[^/]+\\.tsv)");
    List<String> links = new ArrayList<>();
    for (Path f : files) {
      String name = f.getFileName().toString();
      if (own.matcher(name).matches()) {
        links.add(DIR + "/" + variant + "/" + name);
      }
    }
    return new UnitProfile(
        variant, unit, FunctionCounts.read(dir.resolve(unit + FUNCTIONS)), stacks, links);
  }

  private static List<Path> list(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    }
  }
}
