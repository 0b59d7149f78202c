package dev.optbench.build.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VariantSpecsTest {
  @TempDir Path dir;

  @Test
  void defaultSetIsGccsSevenLevels() {
    List<VariantSpec> specs = VariantSpecs.defaults(Profile.MINIMAL);
    assertThat(specs)
        .extracting(VariantSpec::name)
        .containsExactly("O0", "O1", "O2", "O3", "Ofast", "Os", "Og");
    assertThat(specs.get(4).optLevel()).contains("-Ofast");
    assertThat(specs).allMatch(s -> s.compiler().equals("gcc") && !s.asm());
  }

  @Test
  void cliTakesPresetsAndNamedFlagSets() {
    assertThat(VariantSpecs.fromCli("O3", Profile.FULL).opt()).containsExactly("-O3");
    VariantSpec nat = VariantSpecs.fromCli("native=-O3  -march=native", Profile.MINIMAL);
    assertThat(nat.name()).isEqualTo("native");
    assertThat(nat.opt()).containsExactly("-O3");
    assertThat(nat.cflags()).containsExactly("-march=native");
    assertThatThrownBy(() -> VariantSpecs.fromCli("O4", Profile.MINIMAL))
        .isInstanceOf(InvalidSpecException.class)
        .hasMessageContaining("unknown variant 'O4'")
        .hasMessageContaining("NAME=FLAGS");
  }

  @Test
  void readsYamlAndJsonFiles() throws Exception {
    Path yaml = dir.resolve("v.yaml");
    Files.writeString(
        yaml,
        "variants:\n  - name: fast\n    opt: [-O3]\n    cflags: [-funroll-loops]\n"
            + "    profile: full\n  - name: small\n    opt: [-Os]\n");
    List<VariantSpec> specs = VariantSpecs.fromFile(yaml);
    assertThat(specs).hasSize(2);
    assertThat(specs.get(0).profile()).isEqualTo(Profile.FULL);
    assertThat(specs.get(0).cflags()).containsExactly("-funroll-loops");
    assertThat(specs.get(1).compiler()).isEqualTo("gcc");
    assertThat(specs.get(1).profile()).isEqualTo(Profile.MINIMAL);

    Path json = dir.resolve("v.json");
    Files.writeString(json, "{\"variants\":[{\"name\":\"O1\",\"opt\":[\"-O1\"]}]}");
    assertThat(VariantSpecs.fromFile(json)).extracting(VariantSpec::name).containsExactly("O1");
  }

  @Test
  void unknownFieldIsNamedWithTheKnownOnes() throws Exception {
    Path yaml = dir.resolve("bad.yaml");
    Files.writeString(yaml, "variants:\n  - name: x\n    optz: [-O2]\n");
    assertThatThrownBy(() -> VariantSpecs.fromFile(yaml))
        .isInstanceOf(InvalidSpecException.class)
        .hasMessageContaining("unknown field 'optz'")
        .hasMessageContaining("cflags");
  }

  @Test
  void unknownProfileAndMissingFileAreClear() throws Exception {
    Path yaml = dir.resolve("p.yaml");
    Files.writeString(yaml, "variants:\n  - name: x\n    opt: [-O2]\n    profile: huge\n");
    assertThatThrownBy(() -> VariantSpecs.fromFile(yaml))
        .isInstanceOf(InvalidSpecException.class)
        .hasMessageContaining("unknown profile 'huge'");
    assertThatThrownBy(() -> VariantSpecs.fromFile(dir.resolve("none.yaml")))
        .hasMessageContaining("not found");
    Path empty = dir.resolve("e.json");
    Files.writeString(empty, "{\"variants\":[]}");
    assertThatThrownBy(() -> VariantSpecs.fromFile(empty)).hasMessageContaining("no variants");
  }
}
