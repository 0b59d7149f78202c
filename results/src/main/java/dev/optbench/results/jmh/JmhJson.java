package dev.optbench.results.jmh;

/**
 * How JMH spells doubles that JSON cannot hold: as strings. JMH writes "NaN", "+INF" and "-INF";
 * readers also accept Jackson's "Infinity" spellings so hand-edited files still load.
 */
final class JmhJson {
  private JmhJson() {}

  static String special(double d) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (d == Double.POSITIVE_INFINITY) {
      return "+INF";
    }
    if (d == Double.NEGATIVE_INFINITY) {
      return "-INF";
    }
    return null;
  }

  static double parseSpecial(String text) {
    return switch (text) {
      case "NaN" -> Double.NaN;
      case "+INF", "INF", "Infinity", "+Infinity" -> Double.POSITIVE_INFINITY;
      case "-INF", "-Infinity" -> Double.NEGATIVE_INFINITY;
      default -> Double.parseDouble(text); // numbers written as strings; throws if not a number
    };
  }
}
