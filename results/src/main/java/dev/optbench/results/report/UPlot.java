package dev.optbench.results.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * uPlot (MIT, ~50 KB minified), read from its WebJar on the classpath and inlined into the report:
 * a small, fast time-series chart with hover and zoom that needs no network. Hand-drawing that
 * interaction would be more code to keep than this one dependency.
 */
final class UPlot {
  static final String VERSION = "1.6.30";
  private static final String DIR = "/META-INF/resources/webjars/uplot/" + VERSION + "/dist/";

  private UPlot() {}

  static String script() {
    // The minified library contains no "</script": it can sit inside a script element as is.
    return read("uPlot.iife.min.js");
  }

  static String css() {
    return read("uPlot.min.css");
  }

  private static String read(String name) {
    try (InputStream in = UPlot.class.getResourceAsStream(DIR + name)) {
      if (in == null) {
        throw new IllegalStateException(
            "uPlot " + VERSION + " is missing from the classpath (org.webjars.npm:uplot)");
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      if (text.contains("</script")) {
        throw new IllegalStateException("uPlot's " + name + " cannot be inlined as is");
      }
      return text;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
