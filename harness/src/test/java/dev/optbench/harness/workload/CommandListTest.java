package dev.optbench.harness.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandListTest {
  @TempDir Path tmp;

  /** Each line's argv as a shell would split it, and as JSON states it. */
  private static final String TEXT =
      String.join(
          "\n",
          "# quoting edge cases; nothing here may ever reach a shell",
          "",
          "spaces: ffmpeg -f lavfi -i 'testsrc=size=320x240:duration=1' -metadata \"title=a b  c\""
              + " -f null -",
          "  semi: ffmpeg -vf 'drawtext=text=a;b' -metadata x=$(id) -metadata y=a|b>c.txt out.mkv",
          "ffmpeg -metadata \"q=it's \\\"quoted\\\" \\$HOME\" -metadata 'd=\"x\"' -metadata"
              + " e=back\\\\slash\\ space -metadata f=a\\;b -metadata '' -vf a:b out.nut",
          "   # indented comment",
          "dq: ffmpeg -metadata \"keep=\\n\\t\" -metadata mixed=a'b c'\"d e\"f -");

  private static final String JSON =
      """
      {"format": "optbench-workload/1", "units": [
        {"id": "spaces", "argv": ["ffmpeg", "-f", "lavfi", "-i",
          "testsrc=size=320x240:duration=1", "-metadata", "title=a b  c", "-f", "null", "-"]},
        {"id": "semi", "argv": ["ffmpeg", "-vf", "drawtext=text=a;b", "-metadata", "x=$(id)",
          "-metadata", "y=a|b>c.txt", "out.mkv"]},
        {"id": "line-5", "argv": ["ffmpeg", "-metadata", "q=it's \\"quoted\\" $HOME",
          "-metadata", "d=\\"x\\"", "-metadata", "e=back\\\\slash space", "-metadata", "f=a;b",
          "-metadata", "", "-vf", "a:b", "out.nut"]},
        {"id": "dq", "argv": ["ffmpeg", "-metadata", "keep=\\\\n\\\\t", "-metadata",
          "mixed=ab cd ef", "-"]}
      ]}
      """;

  @Test
  void quotingEdgeCasesGiveTheSameArgvAsTheEquivalentJson() throws Exception {
    WorkloadFile text = CommandList.parse(TEXT, "w.txt");
    WorkloadFile json = WorkloadWriter.read(Files.writeString(tmp.resolve("w.json"), JSON));
    assertThat(text.units())
        .extracting(WorkloadUnit::id)
        .containsExactly("spaces", "semi", "line-5", "dq");
    assertThat(text.units())
        .extracting(WorkloadUnit::argv)
        .containsExactlyElementsOf(json.units().stream().map(WorkloadUnit::argv).toList());
    // shell syntax stays inside one argument: no second command, no substitution, no redirect
    assertThat(text.units().get(1).argv())
        .contains("drawtext=text=a;b", "x=$(id)", "y=a|b>c.txt")
        .hasSize(8);
  }

  @Test
  void handWrittenUnitsNeedNoTemplateStepsInputsOrDescriptors() throws Exception {
    WorkloadFile json = WorkloadWriter.read(Files.writeString(tmp.resolve("w.json"), JSON));
    WorkloadUnit u = json.units().get(0);
    assertThat(u.template()).isNull();
    assertThat(u.kind()).isEqualTo("user");
    assertThat(u.before()).isEmpty();
    assertThat(u.inputs()).isEmpty();
    assertThat(json.inputs()).isEmpty();
    // written back without nulls, and read again the same
    String again = WorkloadWriter.json(json);
    assertThat(again).doesNotContain(": null", "\"template\"", "\"generator\"", "\"descriptors\"");
    assertThat(WorkloadWriter.read(Files.writeString(tmp.resolve("again.json"), again)))
        .isEqualTo(json);
  }

  @Test
  void everyMalformedLineIsNamedByItsNumber() {
    assertRefused(
        "ffmpeg -i ok -f null -\n\nffmpeg -vf 'unclosed -f null -",
        "line 3",
        "unclosed single quote");
    assertRefused("ffmpeg -metadata \"open", "line 1", "unclosed double quote");
    assertRefused("# c\n: ffmpeg -f null -", "line 2", "empty id");
    assertRefused("a: ffmpeg -f null -\n\na: ffmpeg -f null -", "line 3", "duplicate id 'a'");
    assertRefused("x/../y: ffmpeg -f null -", "line 1", "id 'x/../y'");
    assertRefused("ok: ffmpeg\nbad:\n", "line 2", "no command");
    assertRefused("sh -c 'rm -rf /'", "line 1", "must start with 'ffmpeg'");
    assertRefused("ffmpeg -i a\\", "line 1", "backslash at the end");
    assertRefused("# only comments\n\n", "w.txt", "has no commands");
  }

  private static void assertRefused(String text, String... parts) {
    assertThatThrownBy(() -> CommandList.parse(text, "w.txt"))
        .isInstanceOf(IllegalArgumentException.class)
        .message()
        .contains(parts);
  }

  @Test
  void wordsAreSplitLikeShWithoutAnyExpansion() {
    assertThat(CommandWords.split("  a  'b c'd\\ e \"\" '' *.txt ~ $x"))
        .containsExactly("a", "b cd e", "", "", "*.txt", "~", "$x");
    assertThat(CommandWords.split("\"a\\b\\\\c\\\"\"")).containsExactly("a\\b\\c\"");
    assertThat(List.of()).isEqualTo(CommandWords.split("   "));
  }
}
