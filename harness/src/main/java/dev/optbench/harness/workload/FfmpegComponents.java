package dev.optbench.harness.workload;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ffmpeg components optbench's workloads use. The {@code minimal} build profile enables exactly
 * these and the workload generator draws only from them: one list, read by both.
 */
@JsonIgnoreProperties({"_comment"})
public record FfmpegComponents(
    @JsonProperty("encoders") List<String> encoders,
    @JsonProperty("decoders") List<String> decoders,
    @JsonProperty("muxers") List<String> muxers,
    @JsonProperty("demuxers") List<String> demuxers,
    @JsonProperty("parsers") List<String> parsers,
    @JsonProperty("bsfs") List<String> bsfs,
    @JsonProperty("protocols") List<String> protocols,
    @JsonProperty("indevs") List<String> indevs,
    @JsonProperty("filters") List<String> filters) {

  private static final String RESOURCE = "/dev/optbench/harness/workload/ffmpeg-components.json";

  /** The list shipped with optbench. */
  public static FfmpegComponents standard() {
    try (InputStream in = FfmpegComponents.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " missing from the jar");
      }
      return new ObjectMapper().readValue(in, FfmpegComponents.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Components by ffmpeg's configure kind ("encoder", "decoder", "muxer", "demuxer", "parser",
   * "bsf", "protocol", "indev", "filter"), in that order: the names configure's {@code
   * --enable-<kind>=} takes and its {@code CONFIG_<NAME>_<KIND>} macros use.
   */
  public Map<String, List<String>> byKind() {
    Map<String, List<String>> kinds = new LinkedHashMap<>();
    kinds.put("encoder", encoders);
    kinds.put("decoder", decoders);
    kinds.put("muxer", muxers);
    kinds.put("demuxer", demuxers);
    kinds.put("parser", parsers);
    kinds.put("bsf", bsfs);
    kinds.put("protocol", protocols);
    kinds.put("indev", indevs);
    kinds.put("filter", filters);
    return kinds;
  }
}
