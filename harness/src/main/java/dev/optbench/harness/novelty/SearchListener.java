package dev.optbench.harness.novelty;

/** Hooks into a running search; every method defaults to doing nothing. */
public interface SearchListener {
  SearchListener NONE = new SearchListener() {};

  default void generationDone(SearchProgress progress) {}

  /** A command crashed the reference binary: a finding, reported at once. */
  default void crashFound(Individual crash) {}
}
