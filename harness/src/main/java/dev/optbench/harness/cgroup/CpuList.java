package dev.optbench.harness.cgroup;

import java.util.BitSet;

/** The kernel's CPU list syntax ("0-3,8,10-11"), as in cpuset.cpus and /sys/.../online. */
public final class CpuList {
  private CpuList() {}

  /** The CPUs named; an empty or blank list names none. */
  public static BitSet parse(String list) {
    BitSet cpus = new BitSet();
    for (String part : list.strip().split(",")) {
      if (part.isBlank()) {
        continue;
      }
      String[] range = part.strip().split("-");
      try {
        int from = Integer.parseInt(range[0].strip());
        int to = range.length > 1 ? Integer.parseInt(range[1].strip()) : from;
        if (range.length > 2 || from < 0 || to < from) {
          throw new IllegalArgumentException("bad CPU range '" + part + "' in '" + list + "'");
        }
        cpus.set(from, to + 1);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "bad CPU list '" + list + "'; expected e.g. \"0\", \"0-1\" or \"0,2-3\"", e);
      }
    }
    return cpus;
  }

  public static int count(String list) {
    return parse(list).cardinality();
  }

  /** The kernel's syntax for {@code cpus}: "0-3,8"; empty for none. */
  public static String format(BitSet cpus) {
    StringBuilder list = new StringBuilder();
    for (int from = cpus.nextSetBit(0); from >= 0; from = cpus.nextSetBit(from + 1)) {
      int to = cpus.nextClearBit(from) - 1;
      if (list.length() > 0) {
        list.append(',');
      }
      list.append(from);
      if (to > from) {
        list.append('-').append(to);
      }
      from = to;
    }
    return list.toString();
  }
}
