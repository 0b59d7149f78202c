package dev.optbench.harness.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Against output recorded from a real ffmpeg 5.1.9 {@code minimal} build. */
class CapabilityParserTest {
  private static String sample(String name) throws IOException {
    try (InputStream in =
        CapabilityParserTest.class.getResourceAsStream("ffmpeg-5.1.9-minimal/" + name + ".txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void readsTheEncoderMuxerAndPixelFormatTables() throws IOException {
    var encoders = CapabilityParser.table(sample("encoders"));
    assertThat(encoders).containsEntry("mpeg4", "V.S...").containsEntry("aac", "A.....");
    assertThat(encoders).doesNotContainKeys("V.....", "------", "Encoders:");
    assertThat(CapabilityParser.table(sample("muxers"))).containsKeys("mp4", "nut", "null", "md5");
    assertThat(CapabilityParser.table(sample("pix_fmts")))
        .containsKeys("yuv420p", "yuvj422p", "rgb24")
        .doesNotContainKey("NAME");
    assertThat(CapabilityParser.table(sample("decoders"))).containsKeys("eac3", "h263");
  }

  @Test
  void readsFilterRowsButNotTheLegend() throws IOException {
    var filters = CapabilityParser.filters(sample("filters"));
    assertThat(filters).contains("testsrc2", "afftdn", "hstack", "split", "anoisesrc");
    assertThat(filters).doesNotContain("=", "T..", "A", "|");
  }

  @Test
  void readsWhatOneEncoderAccepts() throws IOException {
    EncoderInfo mpeg4 = EncoderInfo.parse("mpeg4", true, sample("encoder-mpeg4"));
    assertThat(mpeg4.pixelFormats()).containsExactly("yuv420p");
    assertThat(mpeg4.threading()).isEqualTo("slice");
    assertThat(mpeg4.threaded()).isTrue();
    EncoderInfo ac3 = EncoderInfo.parse("ac3", false, sample("encoder-ac3"));
    assertThat(ac3.sampleRates()).containsExactly("48000", "44100", "32000");
    assertThat(ac3.channelLayouts()).contains("mono", "stereo", "5.1(side)");
    assertThat(ac3.threaded()).isFalse();
    assertThat(EncoderInfo.parse("mjpeg", true, sample("encoder-mjpeg")).threading())
        .isEqualTo("frame and slice");
  }
}
