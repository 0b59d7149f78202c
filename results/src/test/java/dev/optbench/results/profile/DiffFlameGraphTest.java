package dev.optbench.results.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optbench.results.profile.DiffFlameGraph.Frame;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DiffFlameGraphTest {
  private static final Map<String, Long> BASE =
      stacks("main 100", "main;encode 500", "main;encode;dct 400", "main;decode 1000");
  private static final Map<String, Long> VARIANT =
      stacks("main 100", "main;encode 500", "main;encode;dct 1200", "main;decode 500");

  @Test
  void selfCostsSumToTheTotalAndTheRootIsAsWideAsIt() {
    DiffFlameGraph g = DiffFlameGraph.of(BASE, VARIANT);

    assertThat(g.total()).isEqualTo(2300);
    assertThat(g.baseTotal()).isEqualTo(2000);
    assertThat(g.frames().stream().mapToLong(Frame::self).sum()).isEqualTo(g.total());
    Frame root = g.frames().get(0);
    assertThat(root.name()).isEqualTo(DiffFlameGraph.ROOT);
    assertThat(root.width()).isEqualTo(2300);
    assertThat(root.x()).isZero();
  }

  @Test
  void calleesSitSideBySideUnderTheirCallerInNameOrder() {
    DiffFlameGraph g = DiffFlameGraph.of(BASE, VARIANT);

    Frame main = frame(g, "main");
    Frame decode = frame(g, "decode");
    Frame encode = frame(g, "encode");
    Frame dct = frame(g, "dct");
    assertThat(main.depth()).isEqualTo(1);
    assertThat(decode.x()).isEqualTo(main.x());
    assertThat(encode.x()).isEqualTo(decode.x() + decode.width());
    assertThat(dct.x()).isEqualTo(encode.x());
    assertThat(decode.width() + encode.width() + main.self()).isEqualTo(main.width());
    assertThat(g.depth()).isEqualTo(4);
  }

  @Test
  void changeIsPositiveWhereTheVariantSpendsMoreAndNegativeWhereLess() {
    DiffFlameGraph g = DiffFlameGraph.of(BASE, VARIANT);

    assertThat(frame(g, "dct").change()).isEqualTo((1200 - 400) / 1200.0);
    assertThat(frame(g, "decode").change()).isEqualTo(-0.5);
    assertThat(frame(g, "encode").change()).isZero(); // its own 500 on both sides
    assertThat(frame(g, "main").base()).isEqualTo(2000);
  }

  @Test
  void aFrameOnlyTheVariantHasIsAllNewAndOneOnlyTheBaselineHasIsNotDrawn() {
    DiffFlameGraph g =
        DiffFlameGraph.of(stacks("main 100", "main;gone 50"), stacks("main 100", "main;new 50"));

    assertThat(frame(g, "new").change()).isEqualTo(1.0);
    assertThat(g.frames()).extracting(Frame::name).doesNotContain("gone");
    // The vanished callee's cost stays with its caller on the baseline's side.
    assertThat(frame(g, "main").baseSelf()).isEqualTo(150);
  }

  @Test
  void tinyFramesAreMergedPerCallerAndTooTinyOnesStayWithTheCaller() {
    Map<String, Long> variant = new LinkedHashMap<>();
    variant.put("main", 9_000L);
    for (int i = 0; i < 10; i++) {
      variant.put("main;tiny" + i, 5L); // 0.05 % each, 0.5 % together: merged
    }
    variant.put("main;big", 950L);
    variant.put("main;big;dust", 2L); // 0.02 %, alone: left in big's own cost
    DiffFlameGraph g = DiffFlameGraph.of(Map.of(), variant);

    assertThat(g.frames()).extracting(Frame::name).noneMatch(n -> n.startsWith("tiny"));
    Frame merged = frame(g, "(10 small frames)");
    assertThat(merged.merged()).isTrue();
    assertThat(merged.width()).isEqualTo(50);
    assertThat(merged.depth()).isEqualTo(2);
    assertThat(g.frames()).extracting(Frame::name).doesNotContain("dust");
    assertThat(frame(g, "big").self()).isEqualTo(952);
    assertThat(g.frames().stream().mapToLong(Frame::self).sum()).isEqualTo(10_002);
  }

  @Test
  void deepStacksEndAtTheDepthCap() {
    DiffFlameGraph g = DiffFlameGraph.of(Map.of(), stacks("a;b;c;d;e;f 10"), 0.001, 3);

    assertThat(g.depth()).isEqualTo(3);
    assertThat(g.frames()).extracting(Frame::name).containsExactly("all", "a", "b");
    assertThat(frame(g, "b").self()).isEqualTo(10);
  }

  @Test
  void emptyStacksGiveJustTheRoot() {
    DiffFlameGraph g = DiffFlameGraph.of(Map.of(), Map.of());

    assertThat(g.frames()).hasSize(1);
    assertThat(g.total()).isZero();
    assertThat(g.frames().get(0).change()).isZero();
  }

  private static Frame frame(DiffFlameGraph g, String name) {
    List<Frame> found = g.frames().stream().filter(f -> f.name().equals(name)).toList();
    assertThat(found).as(name).hasSize(1);
    return found.get(0);
  }

  static Map<String, Long> stacks(String... lines) {
    Map<String, Long> m = new LinkedHashMap<>();
    for (String l : lines) {
      int sp = l.lastIndexOf(' ');
      m.put(l.substring(0, sp), Long.parseLong(l.substring(sp + 1)));
    }
    return m;
  }
}
