package dev.optbench.benchmarks.job;

import dev.optbench.harness.cgroup.CpuList;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

/**
 * Engines that run side by side on one machine and pin their units to the same CPUs: their units
 * would take turns on those cores and each would measure the other (contention, longer walls).
 * Which machine an engine is on is told by the host name its daemon reports; two daemons of one
 * machine (network namespaces, as the tests make them) report the same one.
 */
final class SharedCores {
  private SharedCores() {}

  /**
   * One warning per pair of engines on one host whose CPUs overlap, in the order given.
   *
   * @param hostByEngine the host name each engine's daemon reports
   * @param cpusByEngine the CPUs each engine's units are pinned to
   */
  static List<String> warnings(Map<String, String> hostByEngine, Map<String, String> cpusByEngine) {
    List<String> engines = new ArrayList<>(cpusByEngine.keySet());
    List<String> warnings = new ArrayList<>();
    for (int i = 0; i < engines.size(); i++) {
      for (int j = i + 1; j < engines.size(); j++) {
        String a = engines.get(i);
        String b = engines.get(j);
        String host = hostByEngine.getOrDefault(a, "");
        if (host.isEmpty() || !host.equals(hostByEngine.get(b))) {
          continue;
        }
        BitSet both = CpuList.parse(cpusByEngine.get(a));
        both.and(CpuList.parse(cpusByEngine.get(b)));
        if (!both.isEmpty()) {
          warnings.add(
              "engines "
                  + a
                  + " and "
                  + b
                  + " run on one machine ("
                  + host
                  + ") and both pin units to CPU "
                  + CpuList.format(both)
                  + ": their units will take turns there and slow each other; give each engine"
                  + " its own CPUs, e.g. --engine "
                  + b
                  + "=URL,cpus=N");
        }
      }
    }
    return warnings;
  }
}
