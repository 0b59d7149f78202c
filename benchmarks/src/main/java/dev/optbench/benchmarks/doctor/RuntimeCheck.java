package dev.optbench.benchmarks.doctor;

import dev.optbench.harness.runtime.ContainerRuntimeProvider.Availability;
import dev.optbench.harness.runtime.RuntimeSelector;
import dev.optbench.harness.runtime.RuntimeUnavailableException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every runtime's availability with its reason, and the one {@code optbench run} would choose. The
 * providers' reasons already carry the details the doctor must show: the docker line names the
 * engine's endpoint (DOCKER_HOST or the default socket) and whether it answers, the cgroup line the
 * cgroup version and whether it is writable.
 */
public final class RuntimeCheck implements Check {
  private final RuntimeSelector selector;

  public RuntimeCheck(RuntimeSelector selector) {
    this.selector = selector;
  }

  @Override
  public String name() {
    return "runtimes";
  }

  @Override
  public List<Finding> run() {
    RuntimeSelector.Choice choice;
    try {
      choice = selector.select(Optional.empty());
    } catch (RuntimeUnavailableException e) {
      return List.of(
          Finding.fail(
              "no runtime is available",
              e.getMessage() + " (the process runtime should always be there: is the jar whole?)"));
    }
    String chosen = choice.provider().name();
    List<Finding> findings = new ArrayList<>();
    for (Map.Entry<String, Availability> e : choice.reasons().entrySet()) {
      Availability a = e.getValue();
      String what = "runtime " + e.getKey();
      findings.add(
          a.available()
              ? Finding.ok(what + ": " + a.reason())
              : Finding.warn(what + ": unavailable", a.reason() + " (" + chosen + " is used)"));
    }
    findings.add(chosenFinding(chosen));
    return findings;
  }

  // Without docker or cgroups the units run unisolated, with no limits and no time series: the
  // job still runs, so a warning, not a failure.
  private static Finding chosenFinding(String chosen) {
    String what = "runtime chosen: " + chosen + " (best available; --runtime forces one)";
    return chosen.equals("process")
        ? Finding.warn(
            what,
            "no isolation, limits not enforced, no time series: start a Docker engine or run as"
                + " root for cgroups")
        : Finding.ok(what);
  }
}
