package dev.optbench.harness.novelty;

/**
 * Knobs of the searches, with the defaults of {@link #defaults(long, int)}.
 *
 * @param seed the only source of randomness
 * @param budget distinct commands run on the reference binary (repeats are served from a cache)
 * @param populationSize individuals kept per generation; also offspring per generation (12)
 * @param k neighbours averaged for novelty; must be below populationSize (5)
 * @param mutationRate chance each gene is perturbed; at least one always is (0.2)
 * @param mutationSigma standard deviation of the Gaussian step on a [0,1) gene (0.15)
 * @param crossoverRate chance a child mixes two parents gene by gene (0.3)
 * @param immigrantRate chance a candidate is a fresh random genome instead of bred ("random
 *     immigrants"): keeps novelty search exploring the whole space while selection pushes outwards.
 *     0.8 did best in a handful of single-seed tuning runs against 0.5 and 1.0
 *     (harness/WORKLOADS.md), not a significant difference (0.8)
 * @param screening candidates rendered per offspring slot; the one {@link Screening} predicts most
 *     novel is evaluated. Rendering is free, so this buys novelty without spending budget (8; 1
 *     disables it)
 * @param tournamentSize parents are the most novel of this many random picks (3)
 * @param archiveLimit archive size; beyond it the most crowded entry is dropped (200)
 * @param initialThreshold novelty needed to enter the archive; 0 = the median novelty of the first
 *     population, which adapts to the space's scale (0)
 * @param thresholdRaise factor applied when a generation adds more than addHigh entries (1.2)
 * @param thresholdLower factor applied after stagnationGenerations without additions (0.9)
 * @param addHigh additions per generation above which the threshold rises (3)
 * @param stagnationGenerations generations without additions before it falls (2)
 * @param maxUnits units emitted into the workload file (50)
 */
public record SearchConfig(
    long seed,
    int budget,
    int populationSize,
    int k,
    double mutationRate,
    double mutationSigma,
    double crossoverRate,
    double immigrantRate,
    int screening,
    int tournamentSize,
    int archiveLimit,
    double initialThreshold,
    double thresholdRaise,
    double thresholdLower,
    int addHigh,
    int stagnationGenerations,
    int maxUnits) {

  public SearchConfig {
    require(budget >= 1, "budget must be at least 1 evaluation, got " + budget);
    require(populationSize >= 2, "populationSize must be at least 2, got " + populationSize);
    require(
        k >= 1 && k < populationSize,
        "k ("
            + k
            + ") must be between 1 and populationSize - 1 ("
            + (populationSize - 1)
            + "): novelty averages the k nearest other individuals");
    require(unit(mutationRate), "mutationRate must be in [0, 1], got " + mutationRate);
    require(mutationSigma > 0, "mutationSigma must be positive, got " + mutationSigma);
    require(unit(crossoverRate), "crossoverRate must be in [0, 1], got " + crossoverRate);
    require(screening >= 1, "screening must be at least 1, got " + screening);
    require(unit(immigrantRate), "immigrantRate must be in [0, 1], got " + immigrantRate);
    require(
        tournamentSize >= 1 && tournamentSize <= populationSize,
        "tournamentSize must be in 1..populationSize, got " + tournamentSize);
    require(archiveLimit >= 1, "archiveLimit must be at least 1, got " + archiveLimit);
    require(initialThreshold >= 0, "initialThreshold must be >= 0 (0 = automatic)");
    require(thresholdRaise >= 1, "thresholdRaise must be >= 1, got " + thresholdRaise);
    require(
        thresholdLower > 0 && thresholdLower <= 1,
        "thresholdLower must be in (0, 1], got " + thresholdLower);
    require(addHigh >= 0 && stagnationGenerations >= 1, "addHigh >= 0, stagnationGenerations >= 1");
    require(maxUnits >= 1, "maxUnits must be at least 1, got " + maxUnits);
  }

  public static SearchConfig defaults(long seed, int budget) {
    return new SearchConfig(
        seed, budget, 12, 5, 0.2, 0.15, 0.3, 0.8, 8, 3, 200, 0, 1.2, 0.9, 3, 2, 50);
  }

  public SearchConfig withPopulation(int size, int neighbours) {
    return new SearchConfig(
        seed,
        budget,
        size,
        neighbours,
        mutationRate,
        mutationSigma,
        crossoverRate,
        immigrantRate,
        screening,
        Math.min(tournamentSize, size),
        archiveLimit,
        initialThreshold,
        thresholdRaise,
        thresholdLower,
        addHigh,
        stagnationGenerations,
        maxUnits);
  }

  public SearchConfig withMaxUnits(int units) {
    return new SearchConfig(
        seed,
        budget,
        populationSize,
        k,
        mutationRate,
        mutationSigma,
        crossoverRate,
        immigrantRate,
        screening,
        tournamentSize,
        archiveLimit,
        initialThreshold,
        thresholdRaise,
        thresholdLower,
        addHigh,
        stagnationGenerations,
        units);
  }

  private static boolean unit(double v) {
    return v >= 0 && v <= 1;
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }
}
