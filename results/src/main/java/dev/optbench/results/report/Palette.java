package dev.optbench.results.report;

import dev.optbench.results.compare.Verdict;
import java.awt.Color;

/** Colours used by charts and tables alike, so a variant or verdict looks the same everywhere. */
final class Palette {
  // Tableau 10: distinguishable, and still readable for the common colour-vision deficiencies.
  private static final int[] VARIANTS = {
    0x4e79a7, 0xf28e2b, 0xe15759, 0x76b7b2, 0x59a14f, 0xedc948, 0xb07aa1, 0xff9da7, 0x9c755f,
    0xbab0ac
  };

  private Palette() {}

  static Color variant(int index) {
    return new Color(VARIANTS[index % VARIANTS.length]);
  }

  static Color verdict(Verdict v) {
    return new Color(hex(v));
  }

  static int hex(Verdict v) {
    return switch (v) {
      case REGRESSION -> 0xc62828;
      case IMPROVEMENT -> 0x2e7d32;
      case NO_CHANGE -> 0x546e7a;
      case INCONCLUSIVE -> 0xe69500;
      case TOO_FEW_SAMPLES -> 0x9e9e9e;
    };
  }

  static String css(Verdict v) {
    return String.format(java.util.Locale.ROOT, "#%06x", hex(v));
  }
}
