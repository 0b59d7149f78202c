package dev.optbench.harness.metrics.collect;

import dev.optbench.harness.metrics.MeasurementTarget;
import dev.optbench.harness.metrics.MetricSchema;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.Map;

/** The tags every sample of a session carries: cAdvisor's container_name and machine, plus ours. */
final class SampleTags {
  private SampleTags() {}

  static Map<String, String> of(MeasurementTarget target, Map<String, String> given) {
    Map<String, String> tags = new HashMap<>(given);
    tags.put(MetricSchema.TAG_CONTAINER, target.name());
    tags.putIfAbsent(MetricSchema.TAG_MACHINE, hostName());
    return tags;
  }

  private static String hostName() {
    String env = System.getenv("HOSTNAME");
    if (env != null && !env.isBlank()) {
      return env;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "unknown"; // a tag, not worth failing a run over
    }
  }
}
