package dev.optbench.harness.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.optbench.harness.exec.ExecHelper;
import dev.optbench.harness.exec.ExecReport;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The serve protocol on byte streams: the decoder alone, then the real helper on this host. */
class ServeFramesTest {
  @TempDir Path cache;

  private record Got(char channel, String payload) {}

  private static List<Got> decode(byte[] stream, int chunk) {
    List<Got> got = new ArrayList<>();
    ServeFrames frames =
        new ServeFrames((c, p) -> got.add(new Got(c, new String(p, StandardCharsets.UTF_8))));
    for (int at = 0; at < stream.length; at += chunk) {
      frames.accept(Arrays.copyOfRange(stream, at, Math.min(stream.length, at + chunk)));
    }
    assertThat(frames.atBoundary()).isTrue();
    return got;
  }

  private static void frame(ByteArrayOutputStream out, char channel, String payload) {
    byte[] p = payload.getBytes(StandardCharsets.UTF_8);
    out.write(channel);
    out.write(p.length >>> 24);
    out.write(p.length >>> 16);
    out.write(p.length >>> 8);
    out.write(p.length);
    out.writeBytes(p);
  }

  @Test
  void reassemblesFramesFromChunksOfAnySize() {
    ByteArrayOutputStream s = new ByteArrayOutputStream();
    frame(s, 'o', "hello\n");
    frame(s, 'e', "");
    frame(s, 'e', "x".repeat(70_000));
    frame(s, 'r', "{\"wall_ns\":1}");
    byte[] stream = s.toByteArray();
    List<Got> expected =
        List.of(
            new Got('o', "hello\n"),
            new Got('e', ""),
            new Got('e', "x".repeat(70_000)),
            new Got('r', "{\"wall_ns\":1}"));
    for (int chunk : new int[] {1, 2, 3, 5, 7, 4096, stream.length}) {
      assertThat(decode(stream, chunk)).as("chunks of %d", chunk).isEqualTo(expected);
    }
  }

  @Test
  void encodesARequestAsNulTerminatedStringsEndedByAnEmptyOne() {
    byte[] r = ServeFrames.request(List.of("--totals"), List.of("ffmpeg", "-i", "ä.mp4"));
    assertThat(new String(r, StandardCharsets.UTF_8))
        .isEqualTo("--totals\0--\0ffmpeg\0-i\0ä.mp4\0\0");
    assertThat(ServeFrames.canCarry(List.of("ffmpeg", ""))).isFalse();
    assertThat(ServeFrames.canCarry(List.of("a\0b"))).isFalse();
    assertThat(ServeFrames.canCarry(List.of("ffmpeg", "-y"))).isTrue();
    assertThatThrownBy(() -> ServeFrames.request(List.of(), List.of("")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** Every request, one after the other through one server process, then EOF: it exits 0. */
  @Test
  void theHelperServesRequestsInOrderUntilEof() throws Exception {
    Path helper = ExecHelper.ensureBuilt(cache);
    Process server = new ProcessBuilder(helper.toString(), "--serve").start();
    ByteArrayOutputStream requests = new ByteArrayOutputStream();
    requests.writeBytes(
        ServeFrames.request(List.of(), List.of("sh", "-c", "echo out; echo err >&2; exit 3")));
    // more than a pipe holds: the server must forward while the unit runs
    requests.writeBytes(
        ServeFrames.request(
            List.of(), List.of("sh", "-c", "head -c 1100000 /dev/zero | tr '\\0' a")));
    requests.writeBytes(ServeFrames.request(List.of(), List.of("/no/such/program")));
    requests.writeBytes(ServeFrames.request(List.of("--bogus"), List.of("true")));
    requests.writeBytes(
        ServeFrames.request(List.of(), List.of("sh", "-c", "read x; echo \"[$x]\"")));
    requests.writeBytes(ServeFrames.request(List.of(), List.of("sh", "-c", "kill -9 $$")));
    try (OutputStream in = server.getOutputStream()) {
      in.write(requests.toByteArray());
    }
    List<List<Got>> units = new ArrayList<>();
    List<Got> current = new ArrayList<>();
    long[] stdoutBytes = new long[8];
    ServeFrames frames =
        new ServeFrames(
            (c, p) -> {
              if (c == 'o') {
                stdoutBytes[units.size()] += p.length;
              }
              current.add(new Got(c, new String(p, StandardCharsets.UTF_8)));
              if (c == 'r') {
                units.add(List.copyOf(current));
                current.clear();
              }
            });
    try (InputStream out = server.getInputStream()) {
      byte[] buf = new byte[8192];
      for (int n; (n = out.read(buf)) > 0; ) {
        frames.accept(Arrays.copyOf(buf, n));
      }
    }
    assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(server.exitValue()).isZero();
    assertThat(frames.atBoundary()).isTrue();
    assertThat(units).hasSize(6);

    assertThat(text(units.get(0), 'o')).isEqualTo("out\n");
    assertThat(text(units.get(0), 'e')).isEqualTo("err\n");
    assertThat(report(units.get(0)).exitCode()).isEqualTo(3);

    assertThat(stdoutBytes[1]).isEqualTo(1_100_000);
    assertThat(report(units.get(1)).exitCode()).isZero();

    assertThat(report(units.get(2)).error()).startsWith("cannot exec");

    assertThat(text(units.get(3), 'e')).contains("unknown option --bogus");
    assertThat(text(units.get(3), 'r')).as("refused: an empty report").isEmpty();

    assertThat(text(units.get(4), 'o')).as("stdin is /dev/null").isEqualTo("[]\n");

    assertThat(report(units.get(5)).signal()).isEqualTo(9);
    assertThat(units.get(5).get(units.get(5).size() - 1).channel()).isEqualTo('r');
  }

  private static String text(List<Got> unit, char channel) {
    StringBuilder s = new StringBuilder();
    unit.stream().filter(g -> g.channel() == channel).forEach(g -> s.append(g.payload()));
    return s.toString();
  }

  private static ExecReport report(List<Got> unit) {
    return ExecReport.parse(text(unit, 'r'));
  }
}
