package dev.optbench.build.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Where variant specs come from: the default set, CLI arguments, or a JSON/YAML file.
 *
 * <p>File format (YAML shown; JSON is the same shape):
 *
 * <pre>
 * variants:
 *   - name: O2
 *     opt: [-O2]
 *   - name: native
 *     opt: [-O3]
 *     cflags: [-march=native]
 *     compiler: clang
 *     profile: full
 * </pre>
 */
public final class VariantSpecs {
  /** The default set: gcc's optimisation levels. */
  public static final List<String> DEFAULT_LEVELS =
      List.of("O0", "O1", "O2", "O3", "Ofast", "Os", "Og");

  private VariantSpecs() {}

  public static List<VariantSpec> defaults(Profile profile) {
    return DEFAULT_LEVELS.stream()
        .map(level -> VariantSpec.ofOpt(level, List.of("-" + level), profile))
        .collect(Collectors.toList());
  }

  /**
   * Parses one CLI variant: a preset name ({@code O3}) or {@code name=flags} where flags are
   * optimisation flags separated by spaces ({@code native=-O3 -march=native}). Flags are split on
   * white space only, never by a shell.
   */
  public static VariantSpec fromCli(String arg, Profile profile) {
    int eq = arg.indexOf('=');
    if (eq < 0) {
      if (!DEFAULT_LEVELS.contains(arg)) {
        throw new InvalidSpecException(
            "unknown variant '"
                + arg
                + "': use one of "
                + String.join(", ", DEFAULT_LEVELS)
                + " or NAME=FLAGS, e.g. 'native=-O3 -march=native'");
      }
      return VariantSpec.ofOpt(arg, List.of("-" + arg), profile);
    }
    String name = arg.substring(0, eq).strip();
    List<String> flags =
        Arrays.stream(arg.substring(eq + 1).strip().split("\\s+"))
            .filter(s -> !s.isEmpty())
            .collect(Collectors.toList());
    List<String> opt = new ArrayList<>();
    List<String> cflags = new ArrayList<>();
    for (String f : flags) {
      (f.startsWith("-O") ? opt : cflags).add(f);
    }
    return new VariantSpec(name, null, opt, cflags, List.of(), false, profile);
  }

  /** Reads a spec file; {@code .yaml}/{@code .yml} as YAML, anything else as JSON. */
  public static List<VariantSpec> fromFile(Path file) {
    String name = file.getFileName().toString();
    boolean yaml = name.endsWith(".yaml") || name.endsWith(".yml");
    ObjectMapper mapper =
        (yaml ? new ObjectMapper(new YAMLFactory()) : new ObjectMapper())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    try {
      SpecFile parsed = mapper.readValue(Files.readString(file), SpecFile.class);
      if (parsed.variants() == null || parsed.variants().isEmpty()) {
        throw new InvalidSpecException(file + ": no variants given (expected 'variants: [...]')");
      }
      return parsed.variants();
    } catch (UnrecognizedPropertyException e) {
      throw new InvalidSpecException(
          file
              + ": unknown field '"
              + e.getPropertyName()
              + "' at "
              + e.getPathReference()
              + "; known fields: "
              + e.getKnownPropertyIds().stream().map(Object::toString).sorted().toList(),
          e);
    } catch (JsonProcessingException e) {
      throw new InvalidSpecException(file + ": " + e.getOriginalMessage(), e);
    } catch (NoSuchFileException e) {
      throw new InvalidSpecException("variant spec file not found: " + file, e);
    } catch (IOException e) {
      throw new InvalidSpecException("cannot read variant spec file " + file + ": " + e, e);
    }
  }

  /** The top level of a spec file. */
  record SpecFile(
      @com.fasterxml.jackson.annotation.JsonProperty("variants") List<VariantSpec> variants) {}
}
