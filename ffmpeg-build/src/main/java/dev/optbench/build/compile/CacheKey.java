package dev.optbench.build.compile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.optbench.build.manifest.CompilerInfo;
import dev.optbench.build.spec.VariantSpec;
import dev.optbench.build.util.Hashing;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The identity of a build: source hash, spec, compiler version and target, the configure arguments
 * (which carry the profile's component list) and this builder's recipe version. Anything that can
 * change the binary is in it; a hit is the same build.
 */
public final class CacheKey {
  /** Bump when the build recipe changes in a way the other inputs do not show. */
  static final int RECIPE_VERSION = 3; // 2: -g, debug/ffmpeg beside bin/ffmpeg; 3: FATE run

  private CacheKey() {}

  public static String of(
      String sourceSha256, VariantSpec spec, CompilerInfo compiler, List<String> configureArgs) {
    Map<String, Object> key = new LinkedHashMap<>();
    key.put("recipe", RECIPE_VERSION);
    key.put("source", sourceSha256);
    key.put("spec", spec);
    key.put("compiler", compiler);
    // argv[0] is the source path, which the source hash already covers.
    key.put("configure", configureArgs.subList(1, configureArgs.size()));
    try {
      return Hashing.sha256(
          new ObjectMapper()
              .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
              .writeValueAsString(key));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
