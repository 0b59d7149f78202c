package dev.optbench.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * Golden-file check run under several default locales: output must be byte-identical whatever the
 * decimal separator of the machine. {@code -Dgolden.update=true} rewrites the files (review the
 * diff before committing).
 */
public final class Golden {
  /** en_US writes 1.5, de_DE 1,5, and fr_FR uses a narrow no-break space for grouping. */
  public static final List<Locale> LOCALES =
      List.of(Locale.US, Locale.GERMANY, Locale.FRANCE, Locale.forLanguageTag("ar-EG"));

  private static final Path DIR = Path.of("src/test/resources/golden");

  private Golden() {}

  public static void assertMatches(String name, Callable<String> render) throws Exception {
    Locale saved = Locale.getDefault();
    try {
      for (Locale locale : LOCALES) {
        Locale.setDefault(locale);
        String actual = render.call();
        Path file = DIR.resolve(name);
        if (Boolean.getBoolean("golden.update") && locale.equals(Locale.US)) {
          write(file, actual);
        }
        assertThat(actual)
            .as("%s rendered under locale %s", name, locale)
            .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
      }
    } finally {
      Locale.setDefault(saved);
    }
  }

  private static void write(Path file, String content) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
  }
}
