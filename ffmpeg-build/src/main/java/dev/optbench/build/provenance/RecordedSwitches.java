package dev.optbench.build.provenance;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The compiler switches recorded in a binary by {@code -frecord-gcc-switches}: the linker merges
 * identical strings of {@code .GCC.command.line}, so each string is one distinct command line, e.g.
 * {@code "GNU C11 12.2.0 -mtune=generic -march=x86-64 -O2 -std=c11 ..."}.
 *
 * @param commandLines each distinct recorded command line, as switches (producer words removed)
 */
public record RecordedSwitches(List<List<String>> commandLines) {

  public static final String SECTION = ".GCC.command.line";

  /** Reads the switches; empty when the binary was not built with -frecord-gcc-switches. */
  public static Optional<RecordedSwitches> read(Path binary) {
    ElfFile elf = ElfFile.read(binary);
    return elf.section(SECTION).map(s -> parse(elf.strings(s)));
  }

  static RecordedSwitches parse(List<String> strings) {
    List<List<String>> lines = new ArrayList<>();
    for (String s : strings) {
      List<String> switches = new ArrayList<>();
      for (String word : s.trim().split("\\s+")) {
        // gcc >= 11 prefixes the producer ("GNU C11 12.2.0"); older gcc writes one switch per
        // string. Either way, the switches are the words that start with '-'.
        if (word.startsWith("-")) {
          switches.add(word);
        }
      }
      if (!switches.isEmpty()) {
        lines.add(List.copyOf(switches));
      }
    }
    return new RecordedSwitches(List.copyOf(lines));
  }

  /** Every switch seen on any command line, sorted. */
  public Set<String> allSwitches() {
    Set<String> all = new TreeSet<>();
    commandLines.forEach(all::addAll);
    return all;
  }

  /**
   * The optimisation level each command line really compiled with (the last -O wins; none means
   * gcc's default -O0), in first-seen order.
   */
  public Set<String> effectiveOptLevels() {
    Set<String> levels = new LinkedHashSet<>();
    for (List<String> line : commandLines) {
      String level = "-O0";
      for (String sw : line) {
        if (sw.startsWith("-O")) {
          level = sw.equals("-O") ? "-O1" : sw;
        }
      }
      levels.add(level);
    }
    return levels;
  }
}
