package dev.optbench.harness.runtime;

import dev.optbench.harness.runtime.ContainerRuntimeProvider.Availability;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * Picks the runtime: the available provider with the highest priority, or the one forced by name.
 * Returns every provider's availability with the choice, so the choice is printed and recorded,
 * never silent.
 */
public final class RuntimeSelector {
  private final List<ContainerRuntimeProvider> providers;

  public RuntimeSelector(List<ContainerRuntimeProvider> providers) {
    this.providers = new ArrayList<>(providers);
    this.providers.sort(Comparator.comparingInt(ContainerRuntimeProvider::priority).reversed());
  }

  /** The providers on the class path (META-INF/services). */
  public static RuntimeSelector fromServiceLoader() {
    List<ContainerRuntimeProvider> found = new ArrayList<>();
    ServiceLoader.load(ContainerRuntimeProvider.class).forEach(found::add);
    return new RuntimeSelector(found);
  }

  /**
   * @param provider the chosen one
   * @param reasons every provider's name to its availability, highest priority first
   */
  public record Choice(ContainerRuntimeProvider provider, Map<String, Availability> reasons) {
    public String describe() {
      return reasons.entrySet().stream()
          .map(
              e ->
                  (e.getKey().equals(provider.name()) ? "* " : "  ")
                      + e.getKey()
                      + (e.getValue().available() ? ": available: " : ": unavailable: ")
                      + e.getValue().reason())
          .collect(Collectors.joining("\n"));
    }
  }

  /**
   * @param forced a runtime name the user asked for, or empty to pick automatically
   * @throws RuntimeUnavailableException if the forced runtime is unknown or unavailable, or none is
   *     available; the message lists every provider's reason
   */
  public Choice select(Optional<String> forced) {
    Map<String, Availability> reasons = new LinkedHashMap<>();
    for (ContainerRuntimeProvider p : providers) {
      reasons.put(p.name(), p.availability());
    }
    Optional<ContainerRuntimeProvider> chosen =
        forced.isPresent()
            ? providers.stream().filter(p -> p.name().equals(forced.get())).findFirst()
            : providers.stream().filter(p -> reasons.get(p.name()).available()).findFirst();
    if (forced.isPresent() && chosen.isEmpty()) {
      throw new RuntimeUnavailableException(
          "unknown runtime '" + forced.get() + "'; known: " + reasons.keySet());
    }
    if (forced.isPresent() && !reasons.get(forced.get()).available()) {
      // The others' reasons would only bury the one that matters: the user asked for this one.
      throw new RuntimeUnavailableException(
          "runtime '" + forced.get() + "' is not available: " + reasons.get(forced.get()).reason());
    }
    if (chosen.isEmpty()) {
      throw new RuntimeUnavailableException("no runtime is available:\n" + list(reasons));
    }
    return new Choice(chosen.get(), reasons);
  }

  private static String list(Map<String, Availability> reasons) {
    return reasons.entrySet().stream()
        .map(e -> "  " + e.getKey() + ": " + e.getValue().reason())
        .collect(Collectors.joining("\n"));
  }
}
