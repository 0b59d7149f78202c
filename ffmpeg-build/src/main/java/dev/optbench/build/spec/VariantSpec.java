package dev.optbench.build.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Optional;

/**
 * One build variant: everything that may differ between variants, nothing else.
 *
 * @param name short unique name (letters, digits, . _ -), e.g. {@code O2}; tags every result
 * @param compiler C compiler command, {@code gcc} by default ({@code clang} where installed)
 * @param opt optimisation flags, given to configure's {@code --optflags}; must hold an -O level
 * @param cflags extra C flags ({@code --extra-cflags}), e.g. {@code -march=native}
 * @param ldflags extra linker flags ({@code --extra-ldflags})
 * @param asm whether ffmpeg's hand-written assembly is built; off by default so that the compiler's
 *     code, which the flags change, is what runs in the hot loops
 * @param profile which components are built
 */
@JsonPropertyOrder({"name", "compiler", "opt", "cflags", "ldflags", "asm", "profile"})
@JsonInclude(JsonInclude.Include.ALWAYS)
public record VariantSpec(
    @JsonProperty("name") String name,
    @JsonProperty("compiler") String compiler,
    @JsonProperty("opt") List<String> opt,
    @JsonProperty("cflags") List<String> cflags,
    @JsonProperty("ldflags") List<String> ldflags,
    @JsonProperty("asm") boolean asm,
    @JsonProperty("profile") Profile profile) {

  public static final String DEFAULT_COMPILER = "gcc";

  public VariantSpec {
    compiler = compiler == null || compiler.isBlank() ? DEFAULT_COMPILER : compiler;
    opt = opt == null ? List.of() : List.copyOf(opt);
    cflags = cflags == null ? List.of() : List.copyOf(cflags);
    ldflags = ldflags == null ? List.of() : List.copyOf(ldflags);
    profile = profile == null ? Profile.MINIMAL : profile;
  }

  /** A variant that differs from the defaults only in its optimisation flags. */
  public static VariantSpec ofOpt(String name, List<String> opt, Profile profile) {
    return new VariantSpec(name, DEFAULT_COMPILER, opt, List.of(), List.of(), false, profile);
  }

  /**
   * The optimisation level the compiler will use: the last {@code -O} flag, as gcc and clang take
   * the last one. Empty when none is given.
   */
  public Optional<String> optLevel() {
    String level = null;
    for (String flag : opt) {
      if (flag.startsWith("-O")) {
        level = flag;
      }
    }
    for (String flag : cflags) {
      if (flag.startsWith("-O")) {
        level = flag; // extra-cflags come after optflags on ffmpeg's command lines
      }
    }
    return Optional.ofNullable(level);
  }
}
