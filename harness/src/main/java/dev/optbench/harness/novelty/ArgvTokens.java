package dev.optbench.harness.novelty;

import dev.optbench.harness.workload.Command;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A command as a set of tokens for comparing commands by what they say rather than by their gene
 * values: each argument, each option with its value ({@code -c:v=mpeg4}), and the pieces of filter
 * strings ({@code gblur}, {@code sigma}). A choice gene's normalised value says nothing about
 * behaviour (codec 3 of 8 is not "near" codec 4), a shared token does.
 */
final class ArgvTokens {
  private final Set<String> tokens;

  ArgvTokens(Command command) {
    Set<String> t = new HashSet<>();
    for (List<String> step : command.steps()) {
      for (int i = 0; i < step.size(); i++) {
        String a = step.get(i);
        t.add(a);
        if (a.startsWith("-") && i + 1 < step.size()) {
          t.add(a + "=" + step.get(i + 1));
        }
        for (String piece : a.split("[=:,;\\[\\]]")) {
          if (!piece.isEmpty()) {
            t.add(piece);
          }
        }
      }
    }
    this.tokens = Set.copyOf(t);
  }

  /** Jaccard distance: 0 for the same tokens, 1 for nothing in common. */
  double distance(ArgvTokens other) {
    Set<String> small = tokens.size() <= other.tokens.size() ? tokens : other.tokens;
    Set<String> large = small == tokens ? other.tokens : tokens;
    long shared = small.stream().filter(large::contains).count();
    long union = tokens.size() + other.tokens.size() - shared;
    return union == 0 ? 0 : 1 - (double) shared / union;
  }
}
