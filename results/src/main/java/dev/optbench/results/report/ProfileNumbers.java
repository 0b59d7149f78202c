package dev.optbench.results.report;

import java.util.Locale;

/**
 * Instruction counts and their changes as the profile section prints them: exact counts with
 * grouping (they repeat to the instruction, so rounding would hide what matters), always in the
 * root locale so a report reads the same on every machine.
 */
final class ProfileNumbers {
  private ProfileNumbers() {}

  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  static String signed(long n) {
    return String.format(Locale.ROOT, "%+,d", n);
  }

  /** "+12.3 %", or "new" when the baseline has none. */
  static String change(long base, long now) {
    if (base == 0) {
      return now == 0 ? "+0.0 %" : "new";
    }
    return String.format(Locale.ROOT, "%+.1f %%", 100.0 * (now - base) / base);
  }

  static String share(long part, long total) {
    return total == 0 ? "0 %" : String.format(Locale.ROOT, "%.1f %%", 100.0 * part / total);
  }
}
