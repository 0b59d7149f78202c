package dev.optbench.harness.workload;

import java.util.List;

/**
 * What one encoder of the reference binary accepts, from {@code ffmpeg -h encoder=NAME}. Empty
 * lists mean "not restricted" (ffmpeg prints no line then).
 *
 * @param threading "slice", "frame", "frame slice" or "none"
 */
public record EncoderInfo(
    String name,
    boolean video,
    List<String> pixelFormats,
    List<String> sampleRates,
    List<String> channelLayouts,
    String threading) {

  public EncoderInfo {
    pixelFormats = List.copyOf(pixelFormats);
    sampleRates = List.copyOf(sampleRates);
    channelLayouts = List.copyOf(channelLayouts);
  }

  public boolean threaded() {
    return threading.contains("slice") || threading.contains("frame");
  }

  static EncoderInfo parse(String name, boolean video, String help) {
    String threads = CapabilityParser.capabilities(help, "Threading");
    return new EncoderInfo(
        name,
        video,
        CapabilityParser.supported(help, "pixel formats"),
        CapabilityParser.supported(help, "sample rates"),
        CapabilityParser.supported(help, "channel layouts"),
        threads.isEmpty() ? "none" : threads);
  }
}
