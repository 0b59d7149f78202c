package dev.optbench.results.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Immutable copies that keep insertion order: JMH files are compared and diffed by people. */
final class Maps {
  private Maps() {}

  static <V> Map<String, V> orderedCopy(Map<String, V> source) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(source));
  }
}
