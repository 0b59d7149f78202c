package dev.optbench.harness.runtime.docker;

/** cpuset syntax ("0", "0-3", "0,2-3"): how many CPUs it names, for CPU % normalisation. */
final class Cpusets {
  private Cpusets() {}

  /** Number of CPUs in {@code cpuset}; all host CPUs when it is empty. */
  static int count(String cpuset, int hostCpus) {
    if (cpuset == null || cpuset.isBlank()) {
      return hostCpus;
    }
    int n = 0;
    for (String part : cpuset.trim().split(",")) {
      String[] range = part.trim().split("-");
      try {
        int lo = Integer.parseInt(range[0].trim());
        int hi = range.length == 2 ? Integer.parseInt(range[1].trim()) : lo;
        if (range.length > 2 || hi < lo) {
          throw new NumberFormatException();
        }
        n += hi - lo + 1;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "not a cpuset: '" + cpuset + "' (write CPUs like 0 or 0-1 or 0,2-3)", e);
      }
    }
    return n;
  }
}
