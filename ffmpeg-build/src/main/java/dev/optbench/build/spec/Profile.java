package dev.optbench.build.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Which part of ffmpeg a variant builds. */
public enum Profile {
  /** Only the components optbench's workloads use (see FfmpegComponents): ~2 min at -O2. */
  MINIMAL,
  /** Everything ffmpeg builds without external libraries: ~10 min at -O2 on 2 cores. */
  FULL;

  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static Profile of(String id) {
    for (Profile p : values()) {
      if (p.id().equals(id)) {
        return p;
      }
    }
    throw new IllegalArgumentException(
        "unknown profile '"
            + id
            + "'; choose one of "
            + Arrays.stream(values()).map(Profile::id).collect(Collectors.joining(", ")));
  }
}
