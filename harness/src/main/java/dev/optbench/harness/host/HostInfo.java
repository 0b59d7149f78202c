package dev.optbench.harness.host;

import dev.optbench.harness.cgroup.CgroupVersion;
import java.nio.file.Path;
import java.util.Arrays;
import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.software.os.OperatingSystem;

/**
 * Facts about the machine, stored with every result (BenchExec does the same) so numbers from two
 * machines are never compared unknowingly. A value the host does not report is {@code -1} (numbers)
 * or {@code "unknown"} (text). Serialised to JSON by Jackson as is.
 *
 * @param machine host name; the {@code machine} tag of samples
 * @param os OS family and version, e.g. "Debian GNU/Linux 12 (bookworm)"
 * @param kernel kernel release (uname -r)
 * @param cpuModel processor name
 * @param logicalCores logical processors (hardware threads)
 * @param physicalCores physical cores
 * @param maxFrequencyHz the processor's maximum frequency, -1 if unknown (common in VMs)
 * @param currentFrequencyHz highest current frequency over the logical processors, -1 if unknown
 * @param memoryBytes physical memory
 * @param swapBytes swap space configured
 * @param cgroupVersion "V1", "V2", "HYBRID" or "NONE" (see {@link CgroupVersion})
 * @param governor cpufreq scaling governor(s), "unknown" if the host exposes none
 * @param loadAverage1m one-minute load average when collected, -1 if unknown
 */
public record HostInfo(
    String machine,
    String os,
    String kernel,
    String cpuModel,
    int logicalCores,
    int physicalCores,
    long maxFrequencyHz,
    long currentFrequencyHz,
    long memoryBytes,
    long swapBytes,
    String cgroupVersion,
    String governor,
    double loadAverage1m) {

  public static final String UNKNOWN = "unknown";

  /** Reads this host, with the standard sysfs locations. */
  public static HostInfo collect() {
    return collect(new SystemInfo(), CgroupVersion.DEFAULT_ROOT, Governor.DEFAULT_CPU_DIR);
  }

  static HostInfo collect(SystemInfo system, Path cgroupRoot, Path cpuSysfs) {
    HardwareAbstractionLayer hw = system.getHardware();
    OperatingSystem os = system.getOperatingSystem();
    CentralProcessor cpu = hw.getProcessor();
    long[] current = cpu.getCurrentFreq();
    long currentMax = Arrays.stream(current == null ? new long[0] : current).max().orElse(-1);
    double load = cpu.getSystemLoadAverage(1)[0];
    return new HostInfo(
        text(os.getNetworkParams().getHostName()),
        text(os.getFamily() + " " + os.getVersionInfo()),
        text(System.getProperty("os.version")),
        text(cpu.getProcessorIdentifier().getName()),
        cpu.getLogicalProcessorCount(),
        cpu.getPhysicalProcessorCount(),
        cpu.getMaxFreq() > 0 ? cpu.getMaxFreq() : -1,
        currentMax > 0 ? currentMax : -1,
        hw.getMemory().getTotal(),
        hw.getMemory().getVirtualMemory().getSwapTotal(),
        CgroupVersion.detect(cgroupRoot).name(),
        Governor.read(cpuSysfs),
        load < 0 ? -1 : load);
  }

  private static String text(String value) {
    return value == null || value.isBlank() ? UNKNOWN : value.strip();
  }
}
