package dev.optbench.results.report;

import dev.optbench.results.compare.Verdict;

/** One line of a ratio chart: a label, the ratio and its interval, coloured by verdict. */
record ForestRow(String label, double ratio, double low, double high, Verdict verdict) {}
