package dev.optbench.harness.workload;

/** A frame size such as 320x240; even dimensions, because 4:2:0 encoders need them. */
public record FrameSize(int width, int height) {
  public FrameSize {
    if (width < 16 || height < 16 || width % 2 != 0 || height % 2 != 0) {
      throw new IllegalArgumentException(
          "frame size " + width + "x" + height + " must be even and at least 16x16");
    }
  }

  public static FrameSize parse(String text) {
    String[] parts = text.strip().split("x");
    if (parts.length != 2) {
      throw new IllegalArgumentException("frame size '" + text + "' is not WIDTHxHEIGHT");
    }
    try {
      return new FrameSize(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("frame size '" + text + "' is not WIDTHxHEIGHT", e);
    }
  }

  public FrameSize half() {
    return new FrameSize(Math.max(16, width / 4 * 2), Math.max(16, height / 4 * 2));
  }

  @Override
  public String toString() {
    return width + "x" + height;
  }
}
