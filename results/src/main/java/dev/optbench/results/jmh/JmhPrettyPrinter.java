package dev.optbench.results.jmh;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;

/**
 * Jackson's pretty printer laid out like JMH's JSON: four-space indent, one array element per line,
 * and empty arrays and objects closed on their own line ({@code [\n ]}) where Jackson would write
 * {@code [ ]}. With this, a JMH file read and written again is byte-identical.
 */
final class JmhPrettyPrinter extends DefaultPrettyPrinter {
  private static final long serialVersionUID = 1L;

  JmhPrettyPrinter() {
    DefaultIndenter indenter = new DefaultIndenter("    ", "\n");
    indentObjectsWith(indenter);
    indentArraysWith(indenter);
  }

  @Override
  public JmhPrettyPrinter createInstance() {
    return new JmhPrettyPrinter();
  }

  @Override
  public void writeEndArray(JsonGenerator g, int nrOfValues) throws IOException {
    if (nrOfValues == 0) {
      --_nesting;
      _arrayIndenter.writeIndentation(g, _nesting);
      g.writeRaw(']');
      return;
    }
    super.writeEndArray(g, nrOfValues);
  }

  @Override
  public void writeEndObject(JsonGenerator g, int nrOfEntries) throws IOException {
    if (nrOfEntries == 0) {
      --_nesting;
      _objectIndenter.writeIndentation(g, _nesting);
      g.writeRaw('}');
      return;
    }
    super.writeEndObject(g, nrOfEntries);
  }
}
