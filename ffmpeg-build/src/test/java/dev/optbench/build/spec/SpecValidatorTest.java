package dev.optbench.build.spec;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Uses the real gcc: the point is what the compiler accepts. */
class SpecValidatorTest {
  private final SpecValidator validator = new SpecValidator();

  private static VariantSpec spec(
      String name, String compiler, List<String> opt, List<String> cflags) {
    return new VariantSpec(name, compiler, opt, cflags, List.of(), false, Profile.MINIMAL);
  }

  @Test
  void acceptsTheDefaultSet() {
    assertThatCode(() -> validator.validate(VariantSpecs.defaults(Profile.MINIMAL)))
        .doesNotThrowAnyException();
  }

  @Test
  void rejectsEmptyInvalidAndDuplicateNames() {
    assertThatThrownBy(
            () -> validator.validate(List.of(spec("", "gcc", List.of("-O2"), List.of()))))
        .hasMessageContaining("variant name '' is invalid");
    assertThatThrownBy(
            () -> validator.validate(List.of(spec("a b", "gcc", List.of("-O2"), List.of()))))
        .hasMessageContaining("'a b' is invalid");
    assertThatThrownBy(
            () ->
                validator.validate(
                    List.of(
                        spec("fast", "gcc", List.of("-O2"), List.of()),
                        spec("FAST", "gcc", List.of("-O3"), List.of()))))
        .hasMessageContaining("'FAST' is used twice");
    assertThatThrownBy(() -> validator.validate(List.of()))
        .hasMessageContaining("no variants given");
  }

  @Test
  void rejectsAFlagGccRefuses() {
    assertThatThrownBy(
            () ->
                validator.validate(
                    List.of(spec("bogus", "gcc", List.of("-O2"), List.of("-fno-such-flag-xyz")))))
        .isInstanceOf(InvalidSpecException.class)
        .hasMessageContaining("gcc rejects its flags")
        .hasMessageContaining("-fno-such-flag-xyz");
  }

  @Test
  void rejectsAMissingOptimisationLevel() {
    assertThatThrownBy(
            () -> validator.validate(List.of(spec("plain", "gcc", List.of(), List.of("-g")))))
        .hasMessageContaining("has no optimisation level");
  }

  @Test
  void rejectsAMissingCompiler() {
    assertThatThrownBy(
            () ->
                validator.validate(List.of(spec("x", "no-such-cc-123", List.of("-O2"), List.of()))))
        .hasMessageContaining("compiler 'no-such-cc-123' not found on PATH");
  }

  @Test
  void rejectsTwoOptimisationLevels() {
    assertThatThrownBy(
            () -> validator.validate(List.of(spec("two", "gcc", List.of("-O2", "-O3"), List.of()))))
        .hasMessageContaining("2 optimisation levels [-O2, -O3]")
        .hasMessageContaining("keep exactly one");
    assertThatThrownBy(
            () -> validator.validate(List.of(spec("two", "gcc", List.of("-O2"), List.of("-Os")))))
        .as("a level hidden in cflags counts too")
        .hasMessageContaining("2 optimisation levels");
  }

  @Test
  void rejectsALevelTheCompilersDoNotDocument() {
    // gcc accepts -O9 and silently runs -O3: the manifest would say -O9.
    for (String level : List.of("-O9", "-O4", "-Ox", "-O")) {
      assertThatThrownBy(
              () -> validator.validate(List.of(spec("odd", "gcc", List.of(level), List.of()))))
          .as(level)
          .hasMessageContaining("optimisation level " + level + ", which the compilers do not");
    }
  }

  @Test
  void acceptsEveryDocumentedLevel() {
    for (String level : SpecValidator.LEVELS) {
      assertThatCode(
              () -> validator.validate(List.of(spec("lvl", "gcc", List.of(level), List.of()))))
          .as(level)
          .doesNotThrowAnyException();
    }
  }
}
