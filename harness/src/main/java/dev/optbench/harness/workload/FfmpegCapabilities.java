package dev.optbench.harness.workload;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the generator may use: the reference binary's own lists ({@code -encoders}, {@code
 * -decoders}, {@code -filters}, {@code -muxers}, {@code -pix_fmts}) intersected with {@link
 * FfmpegComponents}, so a workload never depends on a component a {@code minimal} build lacks.
 *
 * @param encoders by name, in {@link FfmpegComponents} order
 */
public record FfmpegCapabilities(
    String version,
    Map<String, EncoderInfo> encoders,
    Set<String> decoders,
    Set<String> filters,
    Set<String> muxers,
    Set<String> pixelFormats) {

  public FfmpegCapabilities {
    encoders = Map.copyOf(encoders);
    decoders = Set.copyOf(decoders);
    filters = Set.copyOf(filters);
    muxers = Set.copyOf(muxers);
    pixelFormats = Set.copyOf(pixelFormats);
  }

  /** Asks {@code binary}; about 20 short ffmpeg runs. */
  public static FfmpegCapabilities probe(Path binary, FfmpegComponents components) {
    String version = FfmpegQuery.run(binary, "-version").lines().findFirst().orElse("unknown");
    Map<String, String> encoderRows = CapabilityParser.table(FfmpegQuery.run(binary, "-encoders"));
    Map<String, EncoderInfo> encoders = new LinkedHashMap<>();
    for (String name : components.encoders()) {
      String flags = encoderRows.get(name);
      if (flags != null) {
        String help = FfmpegQuery.run(binary, "-h", "encoder=" + name);
        encoders.put(name, EncoderInfo.parse(name, flags.startsWith("V"), help));
      }
    }
    Map<String, String> muxerRows = CapabilityParser.table(FfmpegQuery.run(binary, "-muxers"));
    return new FfmpegCapabilities(
        version.strip(),
        encoders,
        intersect(
            CapabilityParser.table(FfmpegQuery.run(binary, "-decoders")).keySet(),
            components.decoders()),
        intersect(
            CapabilityParser.filters(FfmpegQuery.run(binary, "-filters")), components.filters()),
        intersect(muxersOnly(muxerRows), components.muxers()),
        CapabilityParser.table(FfmpegQuery.run(binary, "-pix_fmts")).keySet());
  }

  public boolean hasEncoder(String name) {
    return encoders.containsKey(name);
  }

  /** Encoder names of one kind, sorted so gene-to-value mapping does not depend on map order. */
  public List<String> encoderNames(boolean video) {
    return encoders.values().stream()
        .filter(e -> e.video() == video)
        .map(EncoderInfo::name)
        .sorted()
        .toList();
  }

  /** -muxers also lists demux-only formats (flags " D"); keep those that can write. */
  private static Set<String> muxersOnly(Map<String, String> rows) {
    Set<String> names = new TreeSet<>();
    rows.forEach(
        (name, flags) -> {
          if (flags.contains("E")) {
            names.add(name);
          }
        });
    return names;
  }

  private static Set<String> intersect(Set<String> offered, List<String> allowed) {
    Set<String> result = new TreeSet<>(offered);
    result.retainAll(allowed);
    return result;
  }
}
