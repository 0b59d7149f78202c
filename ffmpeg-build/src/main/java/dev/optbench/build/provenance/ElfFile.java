package dev.optbench.build.provenance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads section headers of a 64-bit ELF file: enough to find {@code .GCC.command.line} and to size
 * text/data/bss. Hand-written (about 80 lines) because the Java ELF libraries on Maven Central are
 * unmaintained, and binutils' text output is not a stable format to parse.
 */
public final class ElfFile {
  static final int SHT_NOBITS = 8;
  static final long SHF_WRITE = 0x1;
  static final long SHF_ALLOC = 0x2;

  /** One section header. */
  public record Section(String name, int type, long flags, long offset, long size) {}

  private final ByteBuffer data;
  private final List<Section> sections;

  private ElfFile(ByteBuffer data) {
    this.data = data;
    this.sections = readSections();
  }

  public static ElfFile read(Path file) {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer buf = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size());
      if (ch.size() < 64
          || buf.get(0) != 0x7f
          || buf.get(1) != 'E'
          || buf.get(2) != 'L'
          || buf.get(3) != 'F') {
        throw new IllegalArgumentException(file + " is not an ELF binary");
      }
      if (buf.get(4) != 2) {
        throw new IllegalArgumentException(file + " is a 32-bit ELF; only 64-bit is supported");
      }
      ByteOrder order = buf.get(5) == 1 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
      return new ElfFile(buf.order(order));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private List<Section> readSections() {
    long shoff = data.getLong(0x28);
    int shentsize = Short.toUnsignedInt(data.getShort(0x3A));
    int shnum = Short.toUnsignedInt(data.getShort(0x3C));
    int shstrndx = Short.toUnsignedInt(data.getShort(0x3E));
    long namesOffset = data.getLong((int) (shoff + (long) shstrndx * shentsize + 0x18));
    List<Section> result = new ArrayList<>(shnum);
    for (int i = 0; i < shnum; i++) {
      int h = (int) (shoff + (long) i * shentsize);
      String name = cString((int) (namesOffset + Integer.toUnsignedLong(data.getInt(h))));
      result.add(
          new Section(
              name,
              data.getInt(h + 4),
              data.getLong(h + 8),
              data.getLong(h + 0x18),
              data.getLong(h + 0x20)));
    }
    return List.copyOf(result);
  }

  public List<Section> sections() {
    return sections;
  }

  public Optional<Section> section(String name) {
    return sections.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  /** A read-only view of a section's bytes in the file (empty for NOBITS sections). */
  public ByteBuffer contents(Section section) {
    if (section.type() == SHT_NOBITS) {
      return ByteBuffer.allocate(0);
    }
    return data.slice((int) section.offset(), (int) section.size()).asReadOnlyBuffer();
  }

  /** The NUL-separated strings of a string section such as {@code .GCC.command.line}. */
  public List<String> strings(Section section) {
    List<String> out = new ArrayList<>();
    int start = (int) section.offset();
    int end = (int) (section.offset() + section.size());
    for (int i = start; i < end; ) {
      String s = cString(i);
      if (!s.isEmpty()) {
        out.add(s);
      }
      i += s.getBytes(StandardCharsets.UTF_8).length + 1;
    }
    return out;
  }

  /**
   * Berkeley sizes as {@code size(1)} reports them: text = allocated read-only (code and
   * constants), data = allocated writable, bss = allocated without file contents.
   */
  public SectionSizes sizes() {
    long text = 0;
    long dataBytes = 0;
    long bss = 0;
    for (Section s : sections) {
      if ((s.flags() & SHF_ALLOC) == 0) {
        continue;
      }
      if (s.type() == SHT_NOBITS) {
        bss += s.size();
      } else if ((s.flags() & SHF_WRITE) != 0) {
        dataBytes += s.size();
      } else {
        text += s.size();
      }
    }
    return new SectionSizes(text, dataBytes, bss);
  }

  private String cString(int at) {
    int end = at;
    while (end < data.limit() && data.get(end) != 0) {
      end++;
    }
    byte[] bytes = new byte[end - at];
    data.get(at, bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
