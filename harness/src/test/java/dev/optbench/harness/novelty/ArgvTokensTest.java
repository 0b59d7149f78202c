package dev.optbench.harness.novelty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optbench.harness.workload.Command;
import dev.optbench.harness.workload.Template;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArgvTokensTest {
  private static ArgvTokens tokens(String argv) {
    List<String> a = List.of(argv.split(" "));
    return new ArgvTokens(
        new Command(
            Template.VIDEO_TRANSCODE,
            a,
            List.of(),
            List.of(),
            List.of(a.get(a.size() - 1)),
            new double[] {0}));
  }

  @Test
  void sameArgvIsAtDistanceZeroAndArgvSharingOnlyTheProgramNearOne() {
    ArgvTokens a = tokens("ffmpeg -i testsrc2 -c:v mpeg4 out.avi");
    assertThat(a.distance(tokens("ffmpeg -i testsrc2 -c:v mpeg4 out.avi"))).isZero();
    assertThat(a.distance(tokens("ffmpeg -f null other"))).isGreaterThan(0.8).isLessThan(1);
  }

  @Test
  void sharedOptionValuesAndFilterPiecesMakeCommandsNearer() {
    ArgvTokens blur = tokens("ffmpeg -i testsrc2 -vf gblur=sigma=2:steps=1 -c:v mpeg4 out.avi");
    ArgvTokens otherSigma =
        tokens("ffmpeg -i testsrc2 -vf gblur=sigma=5:steps=1 -c:v mpeg4 out.avi");
    ArgvTokens otherCodec =
        tokens("ffmpeg -i testsrc2 -vf gblur=sigma=2:steps=1 -c:v ffv1 out.avi");
    ArgvTokens otherFilter = tokens("ffmpeg -i testsrc2 -vf negate -c:v ffv1 out.avi");

    assertThat(blur.distance(otherSigma)).isPositive().isLessThan(blur.distance(otherFilter));
    assertThat(blur.distance(otherCodec)).isPositive().isLessThan(blur.distance(otherFilter));
    assertThat(blur.distance(otherCodec)).isEqualTo(otherCodec.distance(blur));
  }
}
