package dev.optbench.build.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.optbench.build.proc.ProcessRunner;
import dev.optbench.build.provenance.ElfFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real gcc and binutils: the debug split keeps the code, and a doctored binary is caught. */
class TextIdentityTest {
  @TempDir Path dir;

  private Path linkWithDebugInfo() throws Exception {
    Path src = dir.resolve("m.c");
    Files.writeString(
        src, "int twice(int x) { return 2 * x; }\nint main(void) { return twice(0); }\n");
    Path out = dir.resolve("linked");
    List<String> argv = List.of("gcc", "-O2", "-g", "-o", out.toString(), src.toString());
    assertThat(ProcessRunner.capture(argv, dir, null, Duration.ofSeconds(60)).ok()).isTrue();
    return out;
  }

  @Test
  void theMeasuredCopyLosesItsDwarfNotItsCode() throws Exception {
    Path measured = dir.resolve("bin/ffmpeg");
    Path profiled = dir.resolve("debug/ffmpeg");
    Files.createDirectories(measured.getParent());
    DebugCopy.split(linkWithDebugInfo(), measured, profiled, dir.resolve("log"));

    assertThat(ElfFile.read(profiled).section(".debug_info")).isPresent();
    assertThat(ElfFile.read(measured).section(".debug_info")).isEmpty();
    assertThat(ElfFile.read(measured).section(".symtab")).isPresent();
    assertThat(TextIdentity.require(measured, profiled))
        .isEqualTo(TextIdentity.textSha256(profiled))
        .hasSize(64);
  }

  @Test
  void oneChangedByteInTextFailsTheCheck() throws Exception {
    Path measured = dir.resolve("bin/ffmpeg");
    Path profiled = dir.resolve("debug/ffmpeg");
    Files.createDirectories(measured.getParent());
    DebugCopy.split(linkWithDebugInfo(), measured, profiled, dir.resolve("log"));
    ElfFile.Section text = ElfFile.read(measured).section(".text").orElseThrow();
    try (FileChannel ch =
        FileChannel.open(measured, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      ByteBuffer one = ByteBuffer.allocate(1);
      long at = text.offset() + text.size() / 2;
      ch.read(one, at);
      one.put(0, (byte) (one.get(0) ^ 0x01)).rewind();
      ch.write(one, at);
    }

    assertThatThrownBy(() -> TextIdentity.require(measured, profiled))
        .isInstanceOf(BuildFailedException.class)
        .hasMessageContaining("differs from the profiled copy");
  }
}
