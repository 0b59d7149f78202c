package dev.optbench.harness.novelty;

/** A way to spend an evaluation budget on the command space. */
public interface Search {
  SearchResult run();
}
