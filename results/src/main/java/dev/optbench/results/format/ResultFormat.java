package dev.optbench.results.format;

import dev.optbench.results.compare.Comparison;
import java.io.IOException;

/** Renders a comparison in one output format. Implementations are locale-independent. */
public interface ResultFormat {
  void write(Comparison comparison, Appendable out) throws IOException;

  default String render(Comparison comparison) {
    StringBuilder sb = new StringBuilder();
    try {
      write(comparison, sb);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e); // StringBuilder does not throw
    }
    return sb.toString();
  }
}
