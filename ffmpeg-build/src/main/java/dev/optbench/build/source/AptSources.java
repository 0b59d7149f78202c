package dev.optbench.build.source;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * apt's sources, read from both formats apt accepts ({@code sources.list(5)}: one-line {@code
 * .list} files and deb822 {@code .sources} files), turned into the {@code deb-src} entries optbench
 * gives its own apt: the same mirrors, suites, components and keys as the binary entries of the
 * running release, so no file under {@code /etc/apt} is edited. Hand-written because no Java
 * library reads apt's source formats; only the fields apt needs for a source index are kept.
 */
public final class AptSources {
  /**
   * One archive.
   *
   * @param signedBy the raw {@code Signed-By} value as deb822 writes it after the colon (a leading
   *     space, continuation lines for an inline key), or empty for apt's global keyrings
   */
  public record Entry(String uri, List<String> suites, List<String> components, String signedBy) {}

  private final List<Entry> binary = new ArrayList<>();

  /** Adds the {@code deb} lines of a one-line {@code .list} file. */
  public AptSources addList(String text) {
    for (String raw : text.split("\n")) {
      String line = raw.replaceFirst("#.*", "").strip();
      if (!line.startsWith("deb ") && !line.startsWith("deb\t")) {
        continue;
      }
      String rest = line.substring(3).strip();
      String signedBy = "";
      if (rest.startsWith("[")) {
        int close = rest.indexOf(']');
        if (close < 0) {
          continue; // apt rejects it too
        }
        for (String option : rest.substring(1, close).strip().split("\\s+")) {
          if (option.toLowerCase(Locale.ROOT).startsWith("signed-by=")) {
            signedBy = " " + option.substring("signed-by=".length());
          }
        }
        rest = rest.substring(close + 1).strip();
      }
      String[] f = rest.split("\\s+");
      if (f.length >= 3) { // a flat repository ("suite/") has no components: never a distribution
        binary.add(new Entry(f[0], List.of(f[1]), List.of(f).subList(2, f.length), signedBy));
      }
    }
    return this;
  }

  /** Adds the stanzas of a deb822 {@code .sources} file whose Types include {@code deb}. */
  public AptSources addDeb822(String text) {
    for (Map<String, String> stanza : stanzas(text)) {
      if (!words(stanza.get("types")).contains("deb")
          || stanza.getOrDefault("enabled", "yes").strip().equalsIgnoreCase("no")) {
        continue;
      }
      List<String> components = words(stanza.get("components"));
      for (String uri : words(stanza.get("uris"))) {
        if (!components.isEmpty()) {
          binary.add(
              new Entry(
                  uri,
                  words(stanza.get("suites")),
                  components,
                  stanza.getOrDefault("signed-by", "")));
        }
      }
    }
    return this;
  }

  /**
   * The deb-src entries for {@code os}: its suites of the binary entries, else its default archive.
   *
   * @return deb822 text, empty when neither apt nor os-release tells which archive to use
   */
  public String debSrcFor(OsRelease os) {
    Set<Entry> chosen = new LinkedHashSet<>();
    for (Entry e : binary) {
      List<String> suites = e.suites().stream().filter(os::ownsSuite).toList();
      if (!suites.isEmpty()) {
        chosen.add(new Entry(e.uri(), suites, e.components(), e.signedBy()));
      }
    }
    if (chosen.isEmpty()) {
      os.defaultArchive().ifPresent(chosen::add);
    }
    StringBuilder out = new StringBuilder();
    for (Entry e : chosen) {
      out.append(out.length() == 0 ? "" : "\n")
          .append("Types: deb-src\n")
          .append("URIs: ")
          .append(e.uri())
          .append("\nSuites: ")
          .append(String.join(" ", e.suites()))
          .append("\nComponents: ")
          .append(String.join(" ", e.components()))
          .append('\n');
      if (!e.signedBy().isBlank()) {
        out.append("Signed-By:").append(e.signedBy()).append('\n');
      }
    }
    return out.toString();
  }

  /** deb822 paragraphs; field names lower-cased; continuation lines kept with their newline. */
  private static List<Map<String, String>> stanzas(String text) {
    List<Map<String, String>> all = new ArrayList<>();
    Map<String, String> current = new LinkedHashMap<>();
    String last = null;
    for (String line : text.split("\n")) {
      if (line.isBlank()) {
        if (!current.isEmpty()) {
          all.add(current);
          current = new LinkedHashMap<>();
        }
        last = null;
      } else if (line.startsWith("#")) {
        continue; // apt allows comment lines inside a stanza
      } else if ((line.startsWith(" ") || line.startsWith("\t")) && last != null) {
        current.merge(last, "\n" + line, String::concat);
      } else if (line.indexOf(':') > 0) {
        last = line.substring(0, line.indexOf(':')).strip().toLowerCase(Locale.ROOT);
        current.put(last, line.substring(line.indexOf(':') + 1));
      }
    }
    if (!current.isEmpty()) {
      all.add(current);
    }
    return all;
  }

  private static List<String> words(String value) {
    return value == null || value.isBlank() ? List.of() : List.of(value.strip().split("\\s+"));
  }
}
